import type { Lang } from '../../utils/i18n/messages';
import type { ViewerMessages } from '../../utils/i18n/viewer-messages';
import { ALL_MISSIONS, NO_MISSION, effectiveChoice, groupByMission, shownGroups, type MissionGroup } from '../../utils/report/visits-by-mission';
import type { VisitActions, VisitRowData } from './visit-row';
import { VisitTable } from './visit-table';

interface Props extends VisitActions {
  t: ViewerMessages;
  lang: Lang;
  /** Undefined while reading; in the order to show (newest first). */
  visits: VisitRowData[] | undefined;
  exportingId?: string;
  /** The filter's choice: a mission's id, `NO_MISSION` or `ALL_MISSIONS`. */
  missionChoice: string;
  onMissionChoice: (choice: string) => void;
}

const FILTER_ID = 'viewer-mission-filter';

/** A group's name: the mission's title, or "no mission". */
const groupTitle = (t: ViewerMessages, lang: Lang, group: MissionGroup<VisitRowData>) =>
  group.mission ? group.mission.title[lang] : t.noMission;

/** The filter's line for a group: title, agency and count. */
const groupChoice = (t: ViewerMessages, lang: Lang, group: MissionGroup<VisitRowData>) =>
  group.mission ? t.missionChoice(group.mission.title[lang], group.mission.agency, group.visits.length) : t.noMissionChoice(group.visits.length);

/**
 * The imported visits by mission: a filter showing one mission's visits or all, then a heading per
 * mission (title, agency, number of visits) over its table; visits without a mission come last.
 */
export function VisitList({ t, lang, visits, exportingId, missionChoice, onMissionChoice, ...actions }: Props) {
  if (!visits) return null;
  if (visits.length === 0) {
    return (
      <p class="empty" data-testid="viewer-empty">
        {t.empty}
      </p>
    );
  }
  const groups = groupByMission(visits);
  const choice = effectiveChoice(groups, missionChoice);
  const shown = shownGroups(groups, choice);
  const count = shown.reduce((n, group) => n + group.visits.length, 0);
  return (
    <>
      <div class="mission-filter">
        <label for={FILTER_ID}>{t.missionFilter}</label>
        <select id={FILTER_ID} data-testid="viewer-mission-filter" value={choice} onChange={(e) => onMissionChoice(e.currentTarget.value)}>
          <option value={ALL_MISSIONS}>{t.allMissions(visits.length)}</option>
          {groups.map((group) => (
            <option key={group.key} value={group.key}>
              {groupChoice(t, lang, group)}
            </option>
          ))}
        </select>
        <p role="status" class="meta" data-testid="viewer-shown-count">
          {t.shownCount(count, visits.length)}
        </p>
      </div>
      {shown.map((group) => {
        // The group's place among all groups, so its heading keeps its id whatever the filter shows.
        const headingId = `viewer-group-${groups.indexOf(group)}`;
        return (
          <section key={group.key} class="mission-group" data-testid="viewer-mission-group" data-mission-id={group.key === NO_MISSION ? '' : group.key}>
            <h3 id={headingId}>
              {groupTitle(t, lang, group)}
              <span class="meta">
                {group.mission ? ` – ${group.mission.agency}` : ''}, {t.visitCount(group.visits.length)}
              </span>
            </h3>
            {group.versions > 1 && <p class="meta">{t.missionVersions(group.versions)}</p>}
            <VisitTable t={t} lang={lang} visits={group.visits} exportingId={exportingId} labelledBy={headingId} {...actions} />
          </section>
        );
      })}
    </>
  );
}
