import { useId } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { IMPACTS, RESOURCE_TYPES, type AuditRecord, type Finding, type Impact, type SpeedAudit } from '../../utils/audit/schema';
import type { AuditMessages } from '../../utils/i18n/audit-messages';
import type { Lang } from '../../utils/i18n/messages';
import { VITAL_NAMES, type Rating, type VitalName, type Vitals } from '../../utils/schema/page';
import { shortUrl } from '../ui/format';
import './audit.css';

/** Most severe first; an impact axe did not give comes last. */
const SEVERITY: readonly Impact[] = [...[...IMPACTS].reverse(), null];
const TIMING_KEYS = ['redirect', 'dns', 'connect', 'ttfb', 'domContentLoaded', 'load'] as const;
/** Nodes shown per finding; the count says how many there are in all. */
const MAX_NODES = 5;

const rank = (impact: Impact) => SEVERITY.indexOf(impact);
const impactName = (t: AuditMessages, impact: Impact) => (impact === null ? t.unknownImpact : t.impacts[impact]);
/** CLS is a score; the other metrics are times. */
const vitalValue = (t: AuditMessages, metric: VitalName, value: number) => (metric === 'CLS' ? t.decimal(value) : t.seconds(value));

/** One pill per measured metric: name, value and rating in words, so colour is never the only cue. */
export function VitalPills({ t, vitals }: { t: AuditMessages; lang: Lang; vitals: Vitals }) {
  const present = VITAL_NAMES.flatMap((m) => {
    const v = vitals[m];
    return v ? [[m, v] as const] : [];
  });
  if (present.length === 0) return null;
  return (
    <ul class="vital-pills" aria-label={t.vitalsLabel}>
      {present.map(([m, v]) => (
        <li key={m} class={`vital-pill rating-${v.rating}`} data-testid="vital-pill" data-metric={m} data-rating={v.rating}>
          <abbr title={t.metrics[m]}>{m}</abbr> {vitalValue(t, m, v.value)}
          {' · '}
          {t.ratings[v.rating]}
        </li>
      ))}
    </ul>
  );
}

interface PageAuditProps {
  t: AuditMessages;
  lang: Lang;
  pageTitle: string;
  /** This page's audits, oldest first. */
  audits: AuditRecord[];
  running: boolean;
  canRerun: boolean;
  onRerun: () => void;
}

/** The latest automated audit of a page (accessibility and speed), its drill-downs, and a way to run it again. */
export function PageAudit({ t, lang, pageTitle, audits, running, canRerun, onRerun }: PageAuditProps) {
  const id = useId();
  const latest = audits[audits.length - 1];
  return (
    <section class="audit" aria-labelledby={`${id}-title`} data-testid="page-audit">
      <h2 id={`${id}-title`}>{t.title}</h2>
      <p class="audit-page">{pageTitle || t.untitledPage}</p>
      {latest ? <LatestAudit t={t} lang={lang} audit={latest} count={audits.length} /> : !running && <p class="empty">{t.noAudit}</p>}
      <div class="buttons">
        {canRerun && (
          <button type="button" class="btn" data-testid="audit-rerun" disabled={running} onClick={onRerun}>
            {t.rerun}
          </button>
        )}
        <p class="live-status" role="status" aria-live="polite" data-testid="audit-running">
          {running ? t.running : ''}
        </p>
      </div>
    </section>
  );
}

function LatestAudit({ t, lang, audit, count }: { t: AuditMessages; lang: Lang; audit: AuditRecord; count: number }) {
  const { accessibility, speed } = audit;
  return (
    <div
      class={`audit-summary status-${audit.status}`}
      data-testid="audit-summary"
      data-violations={accessibility?.violations.length ?? 0}
      data-status={audit.status}
    >
      <p class="audit-meta" data-testid="audit-meta">
        {t.auditsCount(count)}
        {' · '}
        <time dateTime={new Date(audit.at).toISOString()}>{t.latestAt(t.time(audit.at))}</time>
        {' · '}
        {t.triggers[audit.trigger]}
        {audit.status === 'done' && ` ${t.tookSeconds(t.seconds(audit.durationMs))}`}
      </p>
      {audit.status !== 'done' && (
        <div class={audit.status === 'failed' ? 'error' : 'notice'} data-testid="audit-problem" data-status={audit.status}>
          <p class="audit-problem-text">{audit.status === 'failed' ? t.failed : t.timedOut}</p>
          {audit.error && (
            <p class="item-meta">
              {t.fact(t.errorDetail, '')}
              <code>{audit.error}</code>
            </p>
          )}
        </div>
      )}
      {accessibility ? (
        <AccessibilityResult t={t} violations={accessibility.violations} incomplete={accessibility.incomplete} />
      ) : (
        audit.status === 'done' && <p class="hint">{t.notChecked}</p>
      )}
      {speed ? <SpeedResult t={t} lang={lang} speed={speed} /> : audit.status === 'done' && <p class="hint">{t.notMeasured}</p>}
    </div>
  );
}

function AccessibilityResult({ t, violations, incomplete }: { t: AuditMessages; violations: Finding[]; incomplete: Finding[] }) {
  const sorted = [...violations].sort((a, b) => rank(a.impact) - rank(b.impact));
  const counts = SEVERITY.map((impact) => [impact, violations.filter((v) => v.impact === impact).length] as const).filter(
    ([, n]) => n > 0,
  );
  return (
    <div class="audit-part">
      <h3>{t.accessibilityTitle}</h3>
      <p class="audit-verdict">{t.violationsCount(violations.length)}</p>
      {counts.length > 0 && (
        <ul class="impact-counts" aria-label={t.byImpact}>
          {counts.map(([impact, n]) => (
            <li
              key={impact ?? 'unknown'}
              class={`chip impact-${impact ?? 'unknown'}`}
              data-testid="impact-count"
              data-impact={impact ?? 'unknown'}
            >
              {t.fact(impactName(t, impact), String(n))}
            </li>
          ))}
        </ul>
      )}
      <p class="hint">{t.automatedHint}</p>
      {sorted.length > 0 && (
        <details class="audit-details" data-testid="violations">
          <summary>{t.showViolations(sorted.length)}</summary>
          <FindingList t={t} findings={sorted} testId="violation-item" />
        </details>
      )}
      {incomplete.length > 0 && (
        <details class="audit-details" data-testid="needs-review">
          <summary>{t.needsReview(incomplete.length)}</summary>
          <p class="hint details-hint">{t.needsReviewHint}</p>
          <FindingList t={t} findings={incomplete} testId="review-item" />
        </details>
      )}
      <p class="audit-credit">{t.rgaaCredit}</p>
    </div>
  );
}

function FindingList({ t, findings, testId }: { t: AuditMessages; findings: Finding[]; testId: string }) {
  return (
    <ul class="findings">
      {findings.map((f) => {
        const nodes = f.nodes.slice(0, MAX_NODES);
        return (
          <li
            key={f.ruleId}
            class={`finding impact-${f.impact ?? 'unknown'}`}
            data-testid={testId}
            data-rule-id={f.ruleId}
            data-impact={f.impact ?? 'unknown'}
          >
            <p class="finding-help">{f.help}</p>
            <dl class="audit-facts">
              <div>
                <dt>{t.impactLabel}</dt>
                <dd>{impactName(t, f.impact)}</dd>
              </div>
              <div>
                <dt>{t.wcagLabel}</dt>
                <dd>
                  {f.wcag.length > 0 ? f.wcag.join(', ') : t.noMatch}
                  {f.level && ` (${t.level(f.level)})`}
                </dd>
              </div>
              <div>
                <dt>{t.rgaaLabel}</dt>
                <dd>{f.rgaa.length > 0 ? f.rgaa.join(', ') : t.noMatch}</dd>
              </div>
            </dl>
            <p class="item-meta" data-testid="node-count">
              {t.nodesCount(f.nodeCount)}
              {nodes.length < f.nodeCount && ` (${t.nodesShown(nodes.length, f.nodeCount)})`}
            </p>
            {nodes.length > 0 && (
              <ol class="finding-nodes" aria-label={t.elementsTitle}>
                {nodes.map((n, i) => (
                  <li key={i} data-testid="finding-node">
                    <span class="visually-hidden">{t.selectorLabel} </span>
                    <code class="node-selector">{n.selector}</code>
                    <span class="visually-hidden"> {t.htmlLabel} </span>
                    <code class="node-html">{n.html}</code>
                    {n.summary && (
                      <p class="node-summary">
                        <span class="visually-hidden">{t.fixLabel} </span>
                        {n.summary}
                      </p>
                    )}
                  </li>
                ))}
              </ol>
            )}
            {f.helpUrl && (
              <a class="finding-link" href={f.helpUrl} target="_blank" rel="noopener noreferrer">
                {t.learnMore}
                <span class="visually-hidden"> {t.opensNewTab}</span>
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function SpeedResult({ t, lang, speed }: { t: AuditMessages; lang: Lang; speed: SpeedAudit }) {
  return (
    <div class="audit-part">
      <h3>{t.speedTitle}</h3>
      <p class={`speed-verdict verdict-${speed.verdict}`} data-testid="speed-verdict" data-verdict={speed.verdict}>
        {t.verdicts[speed.verdict]}
      </p>
      <p class="hint">{t.observed}</p>
      <VitalPills t={t} lang={lang} vitals={speed.vitals} />
      {speed.reasons.length > 0 && (
        <ul class="speed-reasons" aria-label={t.reasonsLabel}>
          {speed.reasons.map((r) => (
            <li key={r.code} data-testid="speed-reason" data-code={r.code}>
              {lang === 'fr' ? r.fr : r.en}
            </li>
          ))}
        </ul>
      )}
      <details class="audit-details" data-testid="speed-details">
        <summary>{t.speedDetails}</summary>
        <SpeedDetails t={t} speed={speed} />
      </details>
    </div>
  );
}

interface BlockProps {
  title: string;
  /** Text shown instead of the children when there is nothing to list. */
  empty?: string | false;
  children?: ComponentChildren;
  testId?: string;
}

function Block({ title, empty, children, testId }: BlockProps) {
  return (
    <div class="speed-block" data-testid={testId}>
      <h4>{title}</h4>
      {empty ? <p class="empty">{empty}</p> : children}
    </div>
  );
}

/** Where the weight and the waiting come from: steps, resources by type, heaviest files, other sites, likely fixes. */
function SpeedDetails({ t, speed }: { t: AuditMessages; speed: SpeedAudit }) {
  const { timing, resources: r } = speed;
  const url = (u: string, shown = shortUrl(u)) => (
    <span class="audit-url" title={u}>
      {shown}
    </span>
  );
  return (
    <div class="speed-details">
      {timing && (
        <Block title={t.timingTitle}>
          <dl class="audit-facts">
            {TIMING_KEYS.map((k) => {
              const v = timing[k];
              return v === undefined ? null : (
                <div key={k}>
                  <dt>{t.timing[k]}</dt>
                  <dd>{t.seconds(v)}</dd>
                </div>
              );
            })}
          </dl>
        </Block>
      )}
      <Block title={t.resourcesTitle} testId="resources-by-type">
        <table class="audit-table">
          <thead>
            <tr>
              <th scope="col">{t.typeColumn}</th>
              <th scope="col" class="num">
                {t.countColumn}
              </th>
              <th scope="col" class="num">
                {t.sizeColumn}
              </th>
            </tr>
          </thead>
          <tbody>
            {RESOURCE_TYPES.filter((type) => r.byType[type].count > 0).map((type) => (
              <tr key={type} data-testid="resource-type" data-type={type}>
                <th scope="row">{t.resourceTypes[type]}</th>
                <td class="num">{r.byType[type].count}</td>
                <td class="num">{t.bytes(r.byType[type].bytes)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.total}</th>
              <td class="num">{r.total.count}</td>
              <td class="num">{t.bytes(r.total.bytes)}</td>
            </tr>
          </tfoot>
        </table>
      </Block>
      <Block title={t.largestTitle} empty={r.largest.length === 0 && t.none}>
        <ol class="speed-list">
          {r.largest.map((x, i) => (
            <li key={i}>
              {url(x.url)} — {t.resourceKinds[x.type]}, {t.bytes(x.bytes)}
            </li>
          ))}
        </ol>
      </Block>
      <Block title={t.thirdPartyTitle} testId="third-party">
        <p>{t.thirdPartyShare(t.percent(r.thirdPartyShare))}</p>
        {r.thirdParty.length > 0 && (
          <ul class="speed-list">
            {r.thirdParty.map((x) => (
              <li key={x.origin}>
                {url(x.origin, x.origin.replace(/^https?:\/\//, ''))} — {t.requests(x.count)}, {t.bytes(x.bytes)}
              </li>
            ))}
          </ul>
        )}
      </Block>
      <Block title={t.renderBlockingTitle} empty={r.renderBlocking.length === 0 && t.none}>
        <ul class="speed-list">
          {r.renderBlocking.map((x, i) => (
            <li key={i}>
              {url(x.url)} — {t.resourceKinds[x.type]}
            </li>
          ))}
        </ul>
      </Block>
      <Block title={t.oversizedTitle} empty={r.oversizedImages.length === 0 && t.none}>
        <ul class="speed-list">
          {r.oversizedImages.map((x, i) => (
            <li key={i} data-testid="oversized-image">
              {url(x.url)} —{' '}
              {t.oversized(t.dimensions(x.naturalWidth, x.naturalHeight), t.dimensions(x.shownWidth, x.shownHeight))}
              {x.bytes > 0 && `, ${t.bytes(x.bytes)}`}
            </li>
          ))}
        </ul>
      </Block>
      <Block title={t.uncompressedTitle} empty={r.uncompressed.length === 0 && t.none}>
        <ul class="speed-list">
          {r.uncompressed.map((x, i) => (
            <li key={i}>
              {url(x.url)} — {t.resourceKinds[x.type]}, {t.bytes(x.bytes)}
            </li>
          ))}
        </ul>
      </Block>
    </div>
  );
}

/** The slowest page of a visit, for the visit's speed summary. */
export interface SlowestPage {
  pageTitle: string;
  verdict: Rating;
  vitals: Vitals;
}

interface VisitSpeedProps {
  t: AuditMessages;
  lang: Lang;
  /** The page with the worst speed verdict, if any page was measured. */
  worst?: SlowestPage | undefined;
  /** Median of each metric over the measured pages, with its rating. */
  median: Vitals;
  /** How many pages have a speed measure. */
  pages: number;
}

/** A compact view of speed over the whole visit: the slowest page and the median page. */
export function VisitSpeedSummary({ t, lang, worst, median, pages }: VisitSpeedProps) {
  const id = useId();
  return (
    <section
      class="audit visit-speed"
      aria-labelledby={`${id}-title`}
      data-testid="visit-speed-summary"
      data-pages={pages}
      data-worst-verdict={worst?.verdict}
    >
      <h2 id={`${id}-title`}>{t.visitSpeedTitle}</h2>
      <p class="audit-meta">{t.pagesMeasured(pages)}</p>
      {pages > 0 && (
        <>
          {worst && (
            <div class="visit-speed-row" data-testid="visit-speed-worst">
              <p>
                {t.fact(t.slowestPage, worst.pageTitle || t.untitledPage)}
                {' — '}
                <strong class={`verdict-text verdict-${worst.verdict}`}>{t.verdicts[worst.verdict]}</strong>
              </p>
              <VitalPills t={t} lang={lang} vitals={worst.vitals} />
            </div>
          )}
          <div class="visit-speed-row" data-testid="visit-speed-median">
            <p>{t.medianLabel}</p>
            <VitalPills t={t} lang={lang} vitals={median} />
          </div>
          <p class="hint">{t.observed}</p>
        </>
      )}
    </section>
  );
}
