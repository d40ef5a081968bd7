import type { Ask } from '../../utils/messaging/ask';
import { useState } from 'preact/hooks';
import { AbandonButton, AbandonDialog, AbandonmentList } from '../../components/evidence/abandon';
import { FunnelSummary, LandingCard, VisitOutcome } from '../../components/evidence/journey';
import { NoteList } from '../../components/evidence/notes';
import { ScreenshotStrip, ScreenshotViewer } from '../../components/evidence/screenshots';
import { SignalList } from '../../components/evidence/signals';
import type { Lang, Messages } from '../../utils/i18n/messages';
import { summariseStages } from '../../utils/journey/funnel';
import { ProtocolError } from '../../utils/messaging/receive';
import type { AbandonReason, Annotation, ScreenshotKind } from '../../utils/schema/evidence';
import type { Page } from '../../utils/schema/page';
import { isActive, type Visit } from '../../utils/schema/visit';
import { useScreenshotImage, type Evidence } from './use-evidence';

/**
 * The visit as a journey, in the panel's "Journey" view: once stopped its outcome, the funnel so far
 * and each landing's first seconds.
 */
export function VisitJourney(props: { m: Messages; lang: Lang; visit: Visit; pages: Page[]; evidence: Evidence | undefined; now: number }) {
  const { m, lang, visit, pages, evidence, now } = props;
  const t = m.evidence;
  if (!evidence) return null;
  const stages = summariseStages(pages, evidence.signals, now).map((s) => ({
    stage: s.stage,
    timeMs: s.timeMs,
    pageCount: s.pageIds.length,
    signalCount: s.signalIds.length,
  }));
  // A landing: the first page of each of the visit's tabs.
  const landings = pages.filter((p) => p.landing && pages.find((q) => q.tabId === p.tabId) === p);
  return (
    <div class="evidence">
      {visit.outcome && <VisitOutcome t={t} outcome={visit.outcome} />}
      {stages.length > 0 && <FunnelSummary t={t} lang={lang} stages={stages} />}
      {landings.map((p) => (
        <LandingCard key={p.id} t={t} lang={lang} landing={p.landing!} pageTitle={p.title} />
      ))}
    </div>
  );
}

/**
 * A visit's evidence in the panel: the "I would leave here" action, friction signals as they are
 * detected, screenshots and notes.
 */
export function VisitEvidence(props: {
  m: Messages;
  lang: Lang;
  visit: Visit;
  pages: Page[];
  evidence: Evidence | undefined;
  ask: Ask;
}) {
  const { m, lang, visit, pages, evidence, ask } = props;
  const t = m.evidence;
  const [capturing, setCapturing] = useState<ScreenshotKind>();
  const [captureError, setCaptureError] = useState<string>();
  const [viewing, setViewing] = useState<string>();
  const [abandoning, setAbandoning] = useState(false);
  const [abandonBusy, setAbandonBusy] = useState(false);
  const [abandonError, setAbandonError] = useState<string>();
  const image = useScreenshotImage(viewing);
  const live = isActive(visit);
  const titleOf = (pageId: string) => pages.find((p) => p.id === pageId)?.title ?? '';
  const codeOf = (e: unknown) => (e instanceof ProtocolError ? e.code : 'internal');

  const capture = async (kind: ScreenshotKind) => {
    setCapturing(kind);
    setCaptureError(undefined);
    try {
      await ask({ type: 'screenshot/capture', visitId: visit.id, kind });
    } catch (e) {
      setCaptureError(t.errorText(codeOf(e)));
    } finally {
      setCapturing(undefined);
    }
  };

  const confirmAbandon = async (reason: AbandonReason, comment: string) => {
    setAbandonBusy(true);
    setAbandonError(undefined);
    try {
      const result = await ask({ type: 'visit/abandon', visitId: visit.id, reason, comment });
      setAbandoning(false);
      // Kept without its picture: say why.
      if (result.captureError) setCaptureError(t.errorText(result.captureError));
    } catch (e) {
      setAbandonError(t.errorText(codeOf(e)));
    } finally {
      setAbandonBusy(false);
    }
  };

  if (!evidence) return null;

  return (
    <div class="evidence">

      {live && (
        <section aria-labelledby="abandon-title" class="evidence-section">
          <h2 id="abandon-title" class="visually-hidden">
            {t.abandonTitle}
          </h2>
          <AbandonButton t={t} onOpen={() => setAbandoning(true)} />
          {abandoning && (
            <AbandonDialog
              t={t}
              busy={abandonBusy}
              error={abandonError}
              onConfirm={(reason, comment) => void confirmAbandon(reason, comment)}
              onCancel={() => setAbandoning(false)}
            />
          )}
        </section>
      )}
      {evidence.abandonments.length > 0 && (
        <AbandonmentList
          t={t}
          lang={lang}
          items={evidence.abandonments.map((a) => ({ ...a, pageTitle: titleOf(a.pageId) }))}
        />
      )}

      <SignalList
        t={t}
        lang={lang}
        signals={evidence.signals.map((s) => ({ ...s, pageTitle: titleOf(s.pageId) }))}
      />

      <ScreenshotStrip
        t={t}
        canCapture={live}
        items={evidence.screenshots.map((s) => ({ ...s, pageTitle: titleOf(s.pageId) }))}
        busy={capturing}
        error={captureError}
        onCapture={(kind) => void capture(kind)}
        onOpen={setViewing}
        onDelete={(id) => void ask({ type: 'screenshot/delete', screenshotId: id })}
      />
      {viewing && image && (
        <ScreenshotViewer
          t={t}
          imageUrl={image.url}
          width={image.shot.width}
          height={image.shot.height}
          annotations={image.shot.annotations}
          onSave={(annotations: Annotation[]) =>
            void ask({ type: 'screenshot/annotate', screenshotId: image.shot.id, annotations })
          }
          onClose={() => setViewing(undefined)}
        />
      )}

      <NoteList
        t={t}
        lang={lang}
        notes={evidence.notes.map((n) => ({ ...n, pageTitle: titleOf(n.pageId) }))}
        onAdd={(text) => void ask({ type: 'note/add', visitId: visit.id, text })}
        onEdit={(id, text) => void ask({ type: 'note/edit', noteId: id, text })}
        onDelete={(id) => void ask({ type: 'note/delete', noteId: id })}
      />
    </div>
  );
}
