import { useEffect, useRef, useState } from 'preact/hooks';
import type { TargetedPointerEvent } from 'preact';
import type { EvidenceMessages } from '../../utils/i18n/evidence-messages';
import type { Annotation, FunnelStage, ScreenshotKind, ScreenshotTrigger } from '../../utils/schema/evidence';
import { ConfirmButton } from '../ui/confirm-button';
import { useModal } from './abandon';
import './evidence.css';

/** The most annotations a screenshot keeps (see the schema). */
const MAX_ANNOTATIONS = 50;
/** A drag smaller than this, in displayed pixels, is a click, not a rectangle. */
const MIN_DRAG_PX = 6;

interface ListedScreenshot {
  id: string;
  kind: ScreenshotKind;
  trigger: ScreenshotTrigger;
  at: number;
  thumbUrl: string;
  pageTitle: string;
  annotations: Annotation[];
  stage?: FunnelStage | undefined;
  truncated?: boolean | undefined;
}

interface StripProps {
  t: EvidenceMessages;
  items: ListedScreenshot[];
  /** The capture under way, if any. */
  busy: ScreenshotKind | undefined;
  error?: string | undefined;
  /** False for a visit that is no longer recorded: the list only. */
  canCapture?: boolean;
  onCapture: (kind: ScreenshotKind) => void;
  onOpen: (id: string) => void;
  onDelete: (id: string) => void;
}

/** Capture buttons and the visit's screenshots as thumbnails, to open (and annotate) or delete. */
export function ScreenshotStrip({ t, items, busy, error, canCapture = true, onCapture, onOpen, onDelete }: StripProps) {
  const origin = (s: ListedScreenshot) =>
    s.trigger === 'stage' && s.stage ? t.fact(t.screenshotTriggers.stage, t.stages[s.stage]) : t.screenshotTriggers[s.trigger];
  return (
    <section class="evidence-section" aria-labelledby="screenshots-title">
      <h2 id="screenshots-title">
        {t.screenshotsTitle} <span class="count">({items.length})</span>
      </h2>
      {canCapture && (
        <>
          <div class="buttons">
            <button
              type="button"
              class="btn btn-primary"
              data-testid="screenshot-capture"
              aria-describedby="capture-hint"
              disabled={busy !== undefined}
              onClick={() => onCapture('visible')}
            >
              {t.capture}
            </button>
            <button
              type="button"
              class="btn"
              data-testid="screenshot-full-page"
              aria-describedby="capture-hint"
              disabled={busy !== undefined}
              onClick={() => onCapture('full-page')}
            >
              {t.captureFullPage}
            </button>
          </div>
          <p id="capture-hint" class="hint">
            {t.captureHint}
          </p>
        </>
      )}
      <p class="live-status" role="status" aria-live="polite" data-testid="screenshot-status">
        {busy ? t.capturing : ''}
      </p>
      {error && (
        <p class="error" role="alert" data-testid="screenshot-error">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p class="empty">{t.noScreenshots}</p>
      ) : (
        <ul class="shots">
          {items.map((s) => {
            const title = s.pageTitle || t.untitledPage;
            return (
              <li key={s.id} class="shot" data-testid="screenshot-item" data-screenshot-id={s.id} data-kind={s.kind}>
                <button type="button" class="shot-open" data-testid="screenshot-open" aria-label={t.openScreenshot(title)} onClick={() => onOpen(s.id)}>
                  <img src={s.thumbUrl} alt="" />
                  <span class="shot-title">{title}</span>
                </button>
                <p class="item-meta">
                  {t.screenshotKinds[s.kind]} · {origin(s)}
                  {s.truncated && ` · ${t.truncated}`}
                </p>
                <p class="item-meta" data-testid="screenshot-annotations">
                  {t.annotationsCount(s.annotations.length)}
                </p>
                <ConfirmButton
                  label={t.delete}
                  question={t.confirmDeleteScreenshot}
                  confirmLabel={t.confirm}
                  cancelLabel={t.cancel}
                  testId="screenshot-delete"
                  onConfirm={() => onDelete(s.id)}
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

type Rect = Pick<Annotation, 'x' | 'y' | 'w' | 'h'>;
interface Point {
  x: number;
  y: number;
}

const clamp = (n: number) => Math.min(1, Math.max(0, n));
const round = (n: number) => Math.round(n * 10_000) / 10_000;
const rectOf = (a: Point, b: Point): Rect => ({
  x: round(Math.min(a.x, b.x)),
  y: round(Math.min(a.y, b.y)),
  w: round(Math.abs(a.x - b.x)),
  h: round(Math.abs(a.y - b.y)),
});
const boxStyle = (r: Rect) => ({ left: `${r.x * 100}%`, top: `${r.y * 100}%`, width: `${r.w * 100}%`, height: `${r.h * 100}%` });
const isWholeImage = (r: Rect) => r.x === 0 && r.y === 0 && r.w === 1 && r.h === 1;

interface ViewerProps {
  t: EvidenceMessages;
  imageUrl: string;
  width: number;
  height: number;
  annotations: Annotation[];
  /** Called with the whole new list after each added or deleted annotation. */
  onSave: (annotations: Annotation[]) => void;
  onClose: () => void;
}

/**
 * One screenshot at the panel's width, with its annotated areas. Drag on the image to draw an area,
 * or use "whole image" from the keyboard; each area needs a caption.
 */
export function ScreenshotViewer({ t, imageUrl, width, height, annotations, onSave, onClose }: ViewerProps) {
  const [list, setList] = useState(annotations);
  const [draft, setDraft] = useState<Rect>();
  const [drawing, setDrawing] = useState(false);
  const [caption, setCaption] = useState('');
  const [captionError, setCaptionError] = useState(false);
  const start = useRef<Point | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const wholeButton = useRef<HTMLButtonElement>(null);
  const captionField = useRef<HTMLInputElement>(null);
  const dialog = useModal(onClose, closeButton);
  const pending = draft !== undefined && !drawing;
  const full = list.length >= MAX_ANNOTATIONS;

  // The caption field takes focus as soon as an area awaits its caption.
  useEffect(() => {
    if (pending) captionField.current?.focus();
  }, [pending]);

  const pointIn = (e: TargetedPointerEvent<HTMLDivElement>): Point => {
    const box = e.currentTarget.getBoundingClientRect();
    return {
      x: box.width > 0 ? clamp((e.clientX - box.left) / box.width) : 0,
      y: box.height > 0 ? clamp((e.clientY - box.top) / box.height) : 0,
    };
  };

  const onPointerDown = (e: TargetedPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || full) return;
    e.preventDefault();
    const p = pointIn(e);
    start.current = p;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    setDraft({ ...p, w: 0, h: 0 });
    setDrawing(true);
  };
  const onPointerMove = (e: TargetedPointerEvent<HTMLDivElement>) => {
    if (start.current) setDraft(rectOf(start.current, pointIn(e)));
  };
  const onPointerUp = (e: TargetedPointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    const rect = rectOf(start.current, pointIn(e));
    const box = e.currentTarget.getBoundingClientRect();
    start.current = null;
    setDrawing(false);
    if (rect.w * box.width < MIN_DRAG_PX || rect.h * box.height < MIN_DRAG_PX) {
      setDraft(undefined);
      return;
    }
    setDraft(rect);
    setCaptionError(false);
  };
  const onPointerCancel = () => {
    start.current = null;
    setDrawing(false);
    setDraft(undefined);
  };

  const drawWhole = () => {
    setDraft({ x: 0, y: 0, w: 1, h: 1 });
    setCaptionError(false);
  };
  const cancelDraft = () => {
    setDraft(undefined);
    setCaptionError(false);
    wholeButton.current?.focus();
  };
  const commit = (next: Annotation[]) => {
    setList(next);
    onSave(next);
    wholeButton.current?.focus();
  };
  const saveDraft = (e: Event) => {
    e.preventDefault();
    if (!draft) return;
    const text = caption.trim();
    if (!text) {
      setCaptionError(true);
      captionField.current?.focus();
      return;
    }
    setDraft(undefined);
    setCaption('');
    setCaptionError(false);
    commit([...list, { id: crypto.randomUUID(), ...draft, caption: text }]);
  };

  return (
    <dialog ref={dialog} class="evidence-dialog viewer" aria-labelledby="viewer-title" data-testid="screenshot-viewer">
      <div class="viewer-head">
        <h2 id="viewer-title">{t.viewerTitle}</h2>
        <button type="button" class="btn" ref={closeButton} data-testid="viewer-close" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <p class="hint">{full ? t.tooManyAnnotations : t.drawHelp}</p>
      <div class="buttons">
        <button type="button" class="btn" ref={wholeButton} data-testid="annotation-whole" disabled={full} onClick={drawWhole}>
          {t.wholeImage}
        </button>
      </div>
      {pending && (
        <form class="caption-form" onSubmit={saveDraft}>
          <label class="field">
            <span>
              {t.caption} (
              {isWholeImage(draft)
                ? t.fact(t.annotationNumber(list.length + 1), t.wholeImageArea)
                : t.annotationNumber(list.length + 1)}
              )
            </span>
            <input
              type="text"
              ref={captionField}
              data-testid="annotation-caption"
              maxLength={500}
              aria-required="true"
              aria-invalid={captionError}
              aria-describedby={captionError ? 'caption-error' : undefined}
              value={caption}
              onInput={(e) => setCaption(e.currentTarget.value)}
              onKeyDown={(e) => {
                // Escape drops the area, not the whole viewer.
                if (e.key === 'Escape') {
                  e.preventDefault();
                  e.stopPropagation();
                  cancelDraft();
                }
              }}
            />
          </label>
          {captionError && (
            <p id="caption-error" class="error" role="alert">
              {t.captionRequired}
            </p>
          )}
          <div class="buttons">
            <button type="submit" class="btn btn-primary" data-testid="annotation-save">
              {t.addAnnotation}
            </button>
            <button type="button" class="btn" onClick={cancelDraft}>
              {t.cancel}
            </button>
          </div>
        </form>
      )}
      <div
        class="shot-canvas"
        data-testid="screenshot-canvas"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
      >
        <img src={imageUrl} width={width} height={height} alt={t.screenshotAlt(list.length)} draggable={false} />
        {list.map((a, i) => (
          <div key={a.id} class="annotation-rect" data-testid="annotation-rect" data-annotation-id={a.id} style={boxStyle(a)} title={a.caption}>
            <span class="annotation-num" aria-hidden="true">
              {i + 1}
            </span>
          </div>
        ))}
        {draft && <div class="annotation-rect draft" data-testid="annotation-draft" style={boxStyle(draft)} />}
      </div>
      <h3>
        {t.annotationsTitle} <span class="count">({list.length})</span>
      </h3>
      {list.length === 0 ? (
        <p class="empty">{t.noAnnotations}</p>
      ) : (
        <ol class="annotation-list">
          {list.map((a, i) => (
            <li key={a.id} data-testid="annotation-item" data-annotation-id={a.id}>
              <span class="annotation-num" aria-hidden="true">
                {i + 1}
              </span>
              <span class="annotation-text">
                <span class="visually-hidden">{t.fact(t.annotationNumber(i + 1), '')}</span>
                {a.caption}
                {isWholeImage(a) && <span class="count"> ({t.wholeImageArea})</span>}
              </span>
              <ConfirmButton
                label={t.delete}
                question={t.confirmDeleteAnnotation}
                confirmLabel={t.confirm}
                cancelLabel={t.cancel}
                testId="annotation-delete"
                onConfirm={() => commit(list.filter((x) => x.id !== a.id))}
              />
            </li>
          ))}
        </ol>
      )}
    </dialog>
  );
}
