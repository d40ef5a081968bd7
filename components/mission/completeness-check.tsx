import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../utils/i18n/messages';
import type { MissionMessages } from '../../utils/i18n/mission-messages';
import type { MissingItem } from '../../utils/mission/completeness';
import './mission.css';

interface Props {
  t: MissionMessages;
  lang: Lang;
  /** What the mission still lacks, read again as the visit changes: a completed item leaves the list. */
  items: MissingItem[];
  /** The evaluator's explanations so far, by item id. */
  explanations: Readonly<Record<string, string>>;
  busy: boolean;
  /** A problem to say (an explanation or a capture refused). */
  error?: string | undefined;
  /** Shows where to complete a step, an answer or a note. */
  onGo: (item: MissingItem) => void;
  /** Takes a screenshot of the page on screen now. */
  onCapture: () => void;
  onExplain: (itemId: string, text: string) => void;
  onStop: () => void;
  onCancel: () => void;
}

/**
 * Before Stop: each thing the mission requires and the visit lacks, with the way to complete it or a
 * box to explain why it is missing. Stop goes on once every item is completed or explained. Not
 * modal: completing an item means going to it in the panel, while this stays open at the top.
 */
export function CompletenessCheck({ t, lang, items, explanations, busy, error, onGo, onCapture, onExplain, onStop, onCancel }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const left = items.filter((item) => !explanations[item.id]).length;
  return (
    <section
      class="completeness"
      role="dialog"
      aria-modal="false"
      aria-labelledby="completeness-title"
      aria-describedby="completeness-intro"
      data-testid="completeness-check"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h2 id="completeness-title" tabIndex={-1} ref={heading}>
        {t.checkTitle}
      </h2>
      <p id="completeness-intro">{items.length > 0 ? t.checkIntro(items.length) : t.checkComplete}</p>
      {items.length > 0 && (
        <ul class="missing-items">
          {items.map((item) => (
            <MissingRow
              key={item.id}
              t={t}
              lang={lang}
              item={item}
              saved={explanations[item.id] ?? ''}
              onGo={() => (item.kind === 'screenshot' ? onCapture() : onGo(item))}
              onExplain={(text) => onExplain(item.id, text)}
            />
          ))}
        </ul>
      )}
      {error && (
        <p class="error" role="alert" data-testid="completeness-error">
          {error}
        </p>
      )}
      <p role="status" data-testid="completeness-left" data-left={left}>
        {t.checkLeft(left)}
      </p>
      <div class="buttons">
        <button type="button" class="btn btn-danger" data-testid="completeness-stop" disabled={left > 0 || busy} onClick={onStop}>
          {t.stopNow}
        </button>
        <button type="button" class="btn" data-testid="completeness-cancel" onClick={onCancel}>
          {t.backToVisit}
        </button>
      </div>
    </section>
  );
}

function MissingRow(props: { t: MissionMessages; lang: Lang; item: MissingItem; saved: string; onGo: () => void; onExplain: (text: string) => void }) {
  const { t, lang, item, saved } = props;
  const [draft, setDraft] = useState(saved);
  const base = `missing-${item.id.replace('/', '-')}`;
  const action = { step: t.goStep, answer: t.goAnswer, note: t.goNote, screenshot: t.takeScreenshot }[item.kind];
  return (
    <li class="missing-item" data-testid="missing-item" data-item-id={item.id} data-kind={item.kind} data-explained={String(saved !== '')}>
      <p id={`${base}-label`}>{item.label[lang]}</p>
      <div class="buttons">
        <button type="button" class="btn btn-small" data-testid="missing-complete" aria-describedby={`${base}-label`} onClick={props.onGo}>
          {action}
        </button>
      </div>
      <label class="field">
        <span>{t.explainLabel}</span>
        <textarea
          data-testid="missing-explanation"
          rows={2}
          maxLength={5000}
          aria-describedby={`${base}-label`}
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
      </label>
      <div class="buttons">
        <button
          type="button"
          class="btn btn-small"
          data-testid="missing-explain"
          disabled={draft.trim() === '' || draft.trim() === saved}
          onClick={() => props.onExplain(draft.trim())}
        >
          {t.saveExplanation}
        </button>
        {saved !== '' && (
          <span class="missing-explained" data-testid="missing-explained">
            {t.explained}
          </span>
        )}
      </div>
    </li>
  );
}
