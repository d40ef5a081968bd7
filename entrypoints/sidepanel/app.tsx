import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ConfirmButton } from '../../components/ui/confirm-button';
import { useLang } from '../../components/ui/use-lang';
import { shortUrl } from '../../components/ui/format';
import { PastVisits } from '../../components/visit/past-visits';
import { VisitControls } from '../../components/visit/visit-controls';
import { originPattern } from '../../utils/journey/visit-lifecycle';
import { errorText } from '../../utils/i18n/messages';
import { asker } from '../../utils/messaging/ask';
import { ProtocolError } from '../../utils/messaging/receive';
import { activeDuration, isActive, type Visit } from '../../utils/schema/visit';
import type { PageType } from '../../utils/schema/page-type';
import { messagesFor, useNow, usePages, useRevision, useStorageProblem, useVisits } from './use-data';
import { useDrivenTab } from './use-tab';
import { ChecklistSection } from './checklist-section';
import { KeysHelp } from '../../components/ui/keys-help';
import { TopStrip } from '../../components/visit/top-strip';
import { isTextField } from '../../components/checklist/row-keys';
import type { PanelView } from '../../utils/i18n/cockpit-messages';
import { pageTypeOf, type Page } from '../../utils/schema/page';
import { useEvidence, type Evidence } from './use-evidence';
import { PANEL_VIEWS, VisitViews } from './visit-views';
import { ReportButton } from './report-button';
import { RecordingHealth, StorageBudget } from './storage-budget';
import { usePanelWork } from './use-panel-work';
import { checklistSetBy, MissionChoice, useMissions } from './mission-section';
import { missingNow, StopCheck } from './stop-check';
import { QUICK_VISIT_MISSION } from '../../utils/mission/defaults';
import { missionPatterns, onMissionSites } from '../../utils/mission/sites';
import type { Mission } from '../../utils/mission/schema';

const ask = asker((request) => browser.runtime.sendMessage(request));

/** Where the panel keeps the mission chosen for the next visit (the extension's own origin). */
const MISSION_CHOICE_KEY = 'mystere-mission-choice';
/** And the view last shown. */
const VIEW_KEY = 'mystere-panel-view';
const storedView = (): PanelView => {
  const v = localStorage.getItem(VIEW_KEY);
  return PANEL_VIEWS.find((x) => x === v) ?? 'checklist';
};

/**
 * The evaluator's cockpit: at the top what matters now (the visit's state and controls, the page and
 * its type, the signals); below, the visit as four views (checklist, journey, evidence, audits); before
 * a visit, the mission and checklist to follow and the past visits. Keyboard first: see `KeysHelp`.
 */
export function App() {
  const [lang] = useLang(browser.storage.local, browser.i18n.getUILanguage());
  const m = messagesFor(lang);
  const rev = useRevision();
  const now = useNow();
  const tab = useDrivenTab();
  const visits = useVisits(rev);
  const [openId, setOpenId] = useState<string>();
  /** The visit just stopped here: its report is offered at once. */
  const [stoppedId, setStoppedId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const storageProblem = useStorageProblem();
  const { missions, read: missionsRead } = useMissions(rev);
  // The evaluator's choice outlives the panel being closed and opened again (a mission deleted since falls back to the Quick visit).
  const [missionId, setMissionIdState] = useState(() => localStorage.getItem(MISSION_CHOICE_KEY) ?? QUICK_VISIT_MISSION.id);
  const setMissionId = (id: string) => {
    localStorage.setItem(MISSION_CHOICE_KEY, id);
    setMissionIdState(id);
  };
  const chosen = missions.find((l) => l.mission.id === missionId)?.mission ?? QUICK_VISIT_MISSION;
  /** The completeness check before Stop is open. */
  const [checking, setChecking] = useState(false);
  const [view, setViewState] = useState<PanelView>(storedView);
  const setView = (v: PanelView) => {
    localStorage.setItem(VIEW_KEY, v);
    setViewState(v);
  };
  const [keysOpen, setKeysOpen] = useState(false);
  const [quickCapture, setQuickCapture] = useState(false);

  const current = visits?.find((v) => v.status !== 'ended');
  // The evaluator's time in the panel is not the customer's time on the shop.
  usePanelWork(current?.id, current?.status === 'recording', (message) => void browser.runtime.sendMessage(message).catch(() => undefined));
  const pages = usePages(current?.id, rev);
  const opened = visits?.find((v) => v.id === openId);
  const stopped = visits?.find((v) => v.id === stoppedId && v.status === 'ended');
  const openedPages = usePages(opened?.id, rev);
  const evidence = useEvidence(current?.id, rev);
  const openedEvidence = useEvidence(opened?.id, rev);
  const pattern = tab?.url ? originPattern(tab.url) : undefined;
  // The page the evaluator is on: the newest of the visit in the tab the panel follows.
  const currentPage = pages?.filter((p) => p.tabId === tab?.id).at(-1) ?? pages?.at(-1);

  const run = async (fn: () => Promise<unknown>) => {
    const work = fn(); // started within the click, before any state update
    setBusy(true);
    setError(undefined);
    try {
      await work;
    } catch (e) {
      setError(errorText(m, e instanceof ProtocolError ? e.code : 'internal'));
    } finally {
      setBusy(false);
    }
  };

  // Asked at the click, for this site (and the mission's other sites) only. The request must be the
  // first thing the click does: Firefox forgets the user's gesture after an await. A site already
  // allowed answers at once.
  const requestSites = async (mission?: Mission) => {
    if (!pattern || !tab?.url) throw new ProtocolError('not-a-website');
    if (mission && !onMissionSites(mission.sites, tab.url)) throw new ProtocolError('not-a-mission-site');
    const origins = mission ? missionPatterns(mission.sites, tab.url) : [pattern];
    if (!(await browser.permissions.request({ origins }))) throw new ProtocolError('permission-denied');
  };

  const onStart = () =>
    run(async () => {
      await requestSites(chosen);
      await ask({ type: 'visit/start', tabId: tab!.id, missionId: chosen.id });
    });
  const command = (type: 'visit/pause' | 'visit/resume' | 'visit/stop' | 'visit/delete', visitId: string) =>
    run(() => ask({ type, visitId, ...(type === 'visit/resume' && tab ? { tabId: tab.id } : {}) }));
  const setType = (pageId: string, pageType: PageType | null) => run(() => ask({ type: 'page/set-type', pageId, pageType }));
  const stop = (visitId: string) => {
    setChecking(false);
    setStoppedId(visitId);
    void command('visit/stop', visitId);
  };
  // Before Stop: what the mission requires and the visit lacks, each to complete or explain.
  const onStop = async (visit: Visit) => {
    const missing = await missingNow(visit).catch(() => []);
    if (missing.length > 0) setChecking(true);
    else stop(visit.id);
  };
  const allowHere = () =>
    run(async () => {
      await requestSites();
      await ask({ type: 'visit/add-origin', visitId: current!.id, tabId: tab!.id });
    });

  const inVisitTab = current && tab && current.tabIds.includes(tab.id);
  const canCapture = Boolean(current?.status === 'recording' && inVisitTab);
  const capture = () => {
    if (!current || quickCapture) return;
    setQuickCapture(true);
    void run(() => ask({ type: 'screenshot/capture', visitId: current.id, kind: 'visible' })).finally(() => setQuickCapture(false));
  };

  // The panel's own keys, wherever the focus is but in a field: ? help, Shift+S capture, Shift+N a
  // note, Shift+G back to the checklist's current criterion.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTextField(e.target) || keysOpen) return;
      const focusLater = (selector: string) => requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
      if (e.key === '?') setKeysOpen(true);
      else if (e.shiftKey && e.key.toLowerCase() === 's' && canCapture) capture();
      else if (e.shiftKey && e.key.toLowerCase() === 'n' && current) {
        setView('evidence');
        focusLater('[data-testid=note-input]');
      } else if (e.shiftKey && e.key.toLowerCase() === 'g' && current) {
        setView('checklist');
        focusLater('[data-testid=criterion-item][tabindex="0"]');
      } else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const offSites = Boolean(current?.mission && tab?.url && pattern && !onMissionSites(current.mission.sites, tab.url));
  const needsPermission = current && isActive(current) && inVisitTab && pattern && !offSites && !current.origins.includes(pattern);
  const chosenHere = !pattern || !tab?.url || onMissionSites(chosen.sites, tab.url);

  // A visit's four views: the running one (driving the panel's tab) or a past one opened.
  const views = (visit: Visit, visitPages: Page[], visitEvidence: Evidence | undefined, drivenTab: number | undefined) => (
    <VisitViews
      m={m}
      lang={lang}
      visit={visit}
      pages={visitPages}
      evidence={visitEvidence}
      tabId={drivenTab}
      rev={rev}
      now={now}
      ask={ask}
      view={view}
      onView={setView}
      setByMission={checklistSetBy(visit.mission)}
      onSetType={(id, t) => void setType(id, t)}
    />
  );

  if (opened) {
    return (
      <main class="panel" data-testid="visit-detail">
        <button type="button" class="btn btn-quiet" onClick={() => setOpenId(undefined)}>
          ← {m.back}
        </button>
        <h1>{opened.site}</h1>
        <p class="meta">
          {m.status[opened.status]}
          {openedPages && ` · ${m.pagesCount(openedPages.length)}`}
        </p>
        {opened.status !== 'recording' && opened.status !== 'paused' && <ReportButton m={m} visitId={opened.id} primary={false} />}
        {openedPages && views(opened, openedPages, openedEvidence, undefined)}
        <ConfirmButton
          label={m.delete}
          question={m.confirmDelete}
          confirmLabel={m.confirm}
          cancelLabel={m.cancel}
          testId="visit-delete"
          onConfirm={() => {
            setOpenId(undefined);
            void command('visit/delete', opened.id);
          }}
        />
      </main>
    );
  }

  return (
    <main class="panel">
      <KeysHelp title={m.cockpit.keysTitle} closeLabel={m.cockpit.keysClose} groups={m.cockpit.keysGroups} open={keysOpen} onClose={() => setKeysOpen(false)} />
      <header class={current ? 'top top-visit' : 'top'}>
      <div class="site">
        <h1>{m.appName}</h1>
        <p data-testid="current-site">
          <span class="label">{m.currentSite} </span>
          {tab?.url && pattern ? <strong>{new URL(tab.url).host}</strong> : <em>{m.noSite}</em>}
        </p>
      </div>
      {current?.storage && <StorageBudget m={m} use={current.storage} />}
      {(current ?? stopped) && <RecordingHealth m={m} visit={(current ?? stopped)!} />}
      {storageProblem && (
        <p class="error" role="alert" data-testid="storage-problem">
          {errorText(m, 'disk-full')}
        </p>
      )}
      {error && (
        <p class="error" role="alert" data-testid="panel-error">
          {error}
        </p>
      )}
      {!current && !chosenHere && (
        <p class="notice" data-testid="mission-not-here">
          {m.mission.notOnSites}
        </p>
      )}
      <VisitControls
        m={m}
        visit={current}
        elapsedMs={current ? activeDuration(current, now) : 0}
        // Not before the missions are read: the mission chosen last time would not be known yet.
        canStart={Boolean(tab && pattern) && chosenHere && missionsRead}
        busy={busy}
        onStart={() => void onStart()}
        onPause={() => current && void command('visit/pause', current.id)}
        onResume={() => current && void command('visit/resume', current.id)}
        onStop={() => current && void onStop(current)}
        startsMission={current ? undefined : m.mission.startsMission(chosen.title[lang])}
      />
      {current && (
        <TopStrip
          m={m}
          t={m.cockpit}
          page={currentPage && { title: currentPage.title, type: pageTypeOf(currentPage) }}
          signals={evidence?.signals.length ?? 0}
          onCapture={canCapture ? capture : undefined}
          capturing={quickCapture}
          onSignals={() => setView('evidence')}
          onKeys={() => setKeysOpen(true)}
        />
      )}
      </header>
      {/* After Start, so that the evaluator's first Tab reaches it; the line under Start names the mission chosen here. */}
      {!current && <MissionChoice m={m} lang={lang} missions={missions} selectedId={chosen.id} onSelect={setMissionId} now={now} ask={ask} />}
      {current && checking && (
        <StopCheck m={m} lang={lang} visit={current} rev={rev} ask={ask} busy={busy} onStop={() => stop(current.id)} onCancel={() => setChecking(false)} onView={setView} />
      )}
      {!current && stopped && (
        <div class="notice" role="status" data-testid="visit-ended">
          <p>{m.visitEnded}</p>
          <ReportButton m={m} visitId={stopped.id} primary />
        </div>
      )}
      {needsPermission && (
        <div class="notice" role="status">
          <p>{m.notRecorded}</p>
          <p class="meta">{tab?.url && shortUrl(tab.url)}</p>
          <button type="button" class="btn btn-primary" data-testid="allow-site" onClick={() => void allowHere()}>
            {m.allowSite}
          </button>
        </div>
      )}
      {current && inVisitTab && isActive(current) && offSites && (
        <p class="notice" role="status" data-testid="off-mission-site">
          {m.mission.offSites}
        </p>
      )}
      {current && !inVisitTab && isActive(current) && <p class="notice">{m.otherTab}</p>}
      {current && pages && views(current, pages, evidence, tab?.id)}
      {!current && (
        <ChecklistSection m={m} lang={lang} visit={undefined} pages={undefined} tabId={tab?.id} rev={rev} ask={ask} setByMission={checklistSetBy(chosen)} />
      )}
      {!current && (
      <PastVisits
        m={m}
        lang={lang}
        visits={visits ?? []}
        now={now}
        onOpen={setOpenId}
        onDelete={(id) => void command('visit/delete', id)}
      />
      )}
      {!current && (
        <p class="meta">
          <button type="button" class="btn btn-quiet btn-small" data-testid="keys-help-open" aria-keyshortcuts="?" onClick={() => setKeysOpen(true)}>
            {m.cockpit.keysOpen} (?)
          </button>
        </p>
      )}
      <p class="meta">
        <a href={browser.runtime.getURL('/viewer.html')} target="_blank" rel="noopener" data-testid="open-viewer">
          {m.openViewer}
        </a>
      </p>
    </main>
  );
}
