import type { MissionMessages } from '../../utils/i18n/mission-messages';
import { deadlineState } from '../../utils/mission/deadline';
import type { Persona } from '../../utils/mission/schema';

/** The persona the evaluator shops as: alias, language, device. */
export function PersonaFacts({ t, persona }: { t: MissionMessages; persona: Persona }) {
  return (
    <ul class="mission-facts" data-testid="mission-persona" aria-label={t.personaTitle}>
      <li>{t.alias(persona.alias)}</li>
      <li>{t.browseIn(persona.lang)}</li>
      {persona.device && <li>{t.device(t.devices[persona.device])}</li>}
    </ul>
  );
}

/**
 * The mission's deadline, in the evaluator's time: warned within the hour (a status), alerted once
 * past (an alert, said at once by screen readers).
 */
export function DeadlineLine({ t, deadline, now }: { t: MissionMessages; deadline: string; now: number }) {
  const { state, at, minutesLeft } = deadlineState(deadline, now);
  return (
    <div class={`deadline deadline-${state}`} data-testid="mission-deadline" data-state={state}>
      <p class="meta">
        <time dateTime={deadline}>{t.due(t.when(at))}</time>
      </p>
      {state === 'soon' && <p role="status">{t.deadlineSoon(minutesLeft)}</p>}
      {state === 'past' && <p role="alert">{t.deadlinePast}</p>}
    </div>
  );
}

/** A mission's sites, or the site the visit starts on when it names none. */
export function sitesText(t: MissionMessages, sites: readonly string[]): string {
  return t.sites(sites.length === 0 ? t.startSite : sites.map((s) => s.replace(/^https:\/\//, '')).join(', '));
}
