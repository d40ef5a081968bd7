import type { EvidenceMessages } from '../../utils/i18n/evidence-messages';
import type { Lang } from '../../utils/i18n/messages';
import { SIGNAL_TYPES, type SignalFacts, type SignalType } from '../../utils/schema/evidence';
import { clockTime } from './notes';
import './evidence.css';

/** Facts measured in milliseconds, shown in seconds. */
const DURATION_KEYS = new Set(['waited', 'wait', 'duration', 'delay', 'ms']);
/** Facts whose value is a code with a name in the catalogue. */
const CODED_KEYS = new Set(['error', 'action', 'resource', 'via']);

function factValue(t: EvidenceMessages, key: string, value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value === 'number') {
    if (DURATION_KEYS.has(key) || key.endsWith('Ms')) return t.seconds(value);
    if (key === 'status' && value === 0) return t.networkError;
    return Number.isInteger(value) ? String(value) : t.decimal(value);
  }
  if (CODED_KEYS.has(key) && Object.hasOwn(t.factValues, value)) return t.factValues[value] ?? value;
  return value;
}

/** A signal's facts as one readable line: "clics : 4 · texte : Guide des tailles". */
export function factsLine(t: EvidenceMessages, facts: SignalFacts): string {
  return Object.entries(facts)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => t.fact(Object.hasOwn(t.factLabels, k) ? (t.factLabels[k] ?? k) : k, factValue(t, k, v)))
    .join(' · ');
}

interface ListedSignal {
  id: string;
  type: SignalType;
  at: number;
  pageTitle: string;
  selector?: string | undefined;
  facts: SignalFacts;
}

/** Friction detected during the visit, newest first, with a count per type. */
export function SignalList({ t, lang, signals }: { t: EvidenceMessages; lang: Lang; signals: ListedSignal[] }) {
  const counts = SIGNAL_TYPES.map((type) => [type, signals.filter((s) => s.type === type).length] as const).filter(
    ([, n]) => n > 0,
  );
  const newestFirst = [...signals].sort((a, b) => b.at - a.at);
  return (
    <section class="evidence-section" aria-labelledby="signals-title">
      <h2 id="signals-title">
        {t.signalsTitle} <span class="count">({signals.length})</span>
      </h2>
      {signals.length === 0 ? (
        <p class="empty">{t.noSignals}</p>
      ) : (
        <>
          <ul class="signal-summary" aria-label={t.signalsSummary}>
            {counts.map(([type, n]) => (
              <li key={type} class="chip" data-testid="signal-count" data-signal-type={type}>
                {t.fact(t.signalTypes[type], String(n))}
              </li>
            ))}
          </ul>
          <ul class="evidence-list">
            {newestFirst.map((s) => {
              const line = factsLine(t, s.facts);
              return (
                <li key={s.id} class="evidence-item signal" data-testid="signal-item" data-signal-type={s.type}>
                  <div class="item-head">
                    <strong>{t.signalTypes[s.type]}</strong>
                    <time class="item-time" dateTime={new Date(s.at).toISOString()}>
                      {clockTime(s.at, lang)}
                    </time>
                  </div>
                  <p class="item-meta">
                    <span class="visually-hidden">{t.pageLabel} </span>
                    {s.pageTitle || t.untitledPage}
                  </p>
                  {s.selector && (
                    <p class="item-selector">
                      <span class="visually-hidden">{t.selectorLabel} </span>
                      <code>{s.selector}</code>
                    </p>
                  )}
                  {line && <p class="item-facts">{line}</p>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
