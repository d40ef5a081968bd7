import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answer, AnswerEvidenceInput } from '../../utils/checklist/schema';
import type { ChecklistMessages } from '../../utils/i18n/checklist-messages';
import { replayTime } from '../evidence/notes';

/** The most evidence one answer keeps (see the answer schema). */
const MAX_EVIDENCE = 20;

export interface PickableScreenshot {
  id: string;
  thumbUrl: string;
  label: string;
}

const sameEvidence = (a: AnswerEvidenceInput, b: AnswerEvidenceInput) =>
  a.kind === 'screenshot'
    ? b.kind === 'screenshot' && a.screenshotId === b.screenshotId
    : a.kind === 'replay'
      ? b.kind === 'replay' && a.pageId === b.pageId && a.offset === b.offset
      : b.kind === 'moment' && a.at === b.at;

export interface EvidenceEditor {
  list: AnswerEvidenceInput[];
  busy: boolean;
  error: string | undefined;
  /** An answer exists and the visit runs: evidence can be added. */
  enabled: boolean;
  full: boolean;
  add: (e: AnswerEvidenceInput) => void;
  remove: (index: number) => void;
  capture: () => Promise<void>;
  linkReplay: () => void;
}

/**
 * An answer's evidence as the evaluator edits it: shown at once (optimistic) until the stored answer
 * comes back with it. Owned by the criterion row, so that its keys (S, R) and its buttons act alike.
 */
export function useEvidenceEditor(o: {
  t: ChecklistMessages;
  answer: Answer | undefined;
  canAnswer: boolean;
  onChange: (evidence: AnswerEvidenceInput[]) => void;
  onTakeScreenshot: () => Promise<string>;
  onLinkReplay: () => number | undefined;
}): EvidenceEditor {
  const { t, answer } = o;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [optimistic, setOptimistic] = useState<AnswerEvidenceInput[]>();
  useEffect(() => setOptimistic(undefined), [answer]);
  const list = optimistic ?? answer?.evidence ?? [];
  const listRef = useRef(list);
  listRef.current = list;
  const enabled = o.canAnswer && answer !== undefined;

  const update = (next: AnswerEvidenceInput[]) => {
    listRef.current = next;
    setOptimistic(next);
    o.onChange(next);
  };
  const add = (e: AnswerEvidenceInput) => {
    const now = listRef.current;
    if (enabled && now.length < MAX_EVIDENCE && !now.some((x) => sameEvidence(x, e))) update([...now, e]);
  };
  return {
    list,
    busy,
    error,
    enabled,
    full: list.length >= MAX_EVIDENCE,
    add,
    remove: (index) => update(listRef.current.filter((_, j) => j !== index)),
    capture: async () => {
      if (!enabled || busy) return;
      setBusy(true);
      setError(undefined);
      try {
        add({ kind: 'screenshot', screenshotId: await o.onTakeScreenshot() });
      } catch {
        setError(t.captureFailed);
      } finally {
        setBusy(false);
      }
    },
    linkReplay: () => {
      if (!enabled) return;
      // The background stamps the moment with its page and replay offset, as it stamps all evidence.
      const at = o.onLinkReplay();
      setError(at !== undefined ? undefined : t.noReplay);
      if (at !== undefined) add({ kind: 'moment', at });
    },
  };
}

interface Props {
  t: ChecklistMessages;
  base: string;
  editor: EvidenceEditor;
  screenshots: PickableScreenshot[];
  canAnswer: boolean;
}

/** An answer's evidence: capture now, pick a screenshot, link the replay moment; remove. */
export function EvidenceBlock({ t, base, editor, screenshots, canAnswer }: Props) {
  const [picking, setPicking] = useState(false);
  const captureButton = useRef<HTMLButtonElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const { list, enabled, full, busy, error } = editor;
  const hintId = `${base}-evidence-hint`;
  const labelOf = (e: AnswerEvidenceInput) => {
    if (e.kind === 'replay') return t.replayEvidence(replayTime(e.offset));
    if (e.kind === 'moment') return t.replayMomentPending;
    return t.screenshotEvidence(screenshots.find((s) => s.id === e.screenshotId)?.label ?? t.missingScreenshot);
  };

  if (!canAnswer && list.length === 0) return null;
  return (
    <div class="criterion-evidence" data-testid="criterion-evidence" role="group" aria-labelledby={`${base}-evidence`}>
      <p id={`${base}-evidence`} class="evidence-title">
        {t.evidenceTitle}
        {list.length > 0 && <span class="count"> ({list.length})</span>}
      </p>
      {canAnswer && (
        <>
          <div class="buttons">
            <button
              type="button"
              ref={captureButton}
              class="btn btn-small"
              data-testid="evidence-capture"
              aria-describedby={enabled ? undefined : hintId}
              aria-keyshortcuts="S"
              disabled={!enabled || busy || full}
              onClick={() => void editor.capture()}
            >
              {t.captureNow}
            </button>
            <button
              type="button"
              ref={chooseButton}
              class="btn btn-small"
              data-testid="evidence-choose"
              aria-expanded={picking && enabled}
              aria-controls={`${base}-picker`}
              aria-describedby={enabled ? undefined : hintId}
              disabled={!enabled || full}
              onClick={() => setPicking(!picking)}
            >
              {t.chooseScreenshot}
            </button>
            <button
              type="button"
              class="btn btn-small"
              data-testid="evidence-replay"
              aria-describedby={enabled ? undefined : hintId}
              aria-keyshortcuts="R"
              disabled={!enabled || full}
              onClick={editor.linkReplay}
            >
              {t.linkReplay}
            </button>
          </div>
          {!enabled && (
            <p id={hintId} class="hint">
              {t.evidenceNeedsAnswer}
            </p>
          )}
          {enabled && full && <p class="hint">{t.evidenceFull}</p>}
          <p class="live-status" role="status">
            {busy ? t.capturing : ''}
          </p>
          {error && (
            <p class="error" role="alert" data-testid="evidence-error">
              {error}
            </p>
          )}
          <div id={`${base}-picker`} class="shot-picker" hidden={!picking || !enabled}>
            {screenshots.length === 0 ? (
              <p class="empty">{t.noScreenshots}</p>
            ) : (
              <ul>
                {screenshots.map((s) => {
                  const attached = list.some((e) => e.kind === 'screenshot' && e.screenshotId === s.id);
                  return (
                    <li key={s.id}>
                      <button
                        type="button"
                        class="shot-pick"
                        data-testid="evidence-pick"
                        data-screenshot-id={s.id}
                        disabled={attached}
                        onClick={() => {
                          editor.add({ kind: 'screenshot', screenshotId: s.id });
                          setPicking(false);
                          chooseButton.current?.focus();
                        }}
                      >
                        <img src={s.thumbUrl} alt="" />
                        <span>
                          {s.label}
                          {attached && <span class="count"> ({t.attached})</span>}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        </>
      )}
      {list.length > 0 && (
        <ul class="evidence-attached">
          {list.map((e, i) => {
            const label = labelOf(e);
            const thumb = e.kind === 'screenshot' ? screenshots.find((s) => s.id === e.screenshotId)?.thumbUrl : undefined;
            return (
              <li key={e.kind === 'screenshot' ? e.screenshotId : e.kind === 'replay' ? `${e.pageId}@${e.offset}` : `moment@${e.at}`} data-testid="evidence-attached" data-kind={e.kind}>
                {thumb && <img src={thumb} alt="" />}
                <span class="evidence-label">{label}</span>
                {canAnswer && (
                  <button
                    type="button"
                    class="btn btn-quiet btn-small"
                    data-testid="evidence-remove"
                    aria-label={t.removeEvidence(label)}
                    onClick={() => {
                      editor.remove(i);
                      captureButton.current?.focus();
                    }}
                  >
                    {t.remove}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
