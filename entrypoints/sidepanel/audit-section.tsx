import type { Ask } from '../../utils/messaging/ask';
import { useState } from 'preact/hooks';
import { PageAudit, VisitSpeedSummary, type SlowestPage } from '../../components/audit/audit-view';
import { summariseVisit } from '../../utils/audit/speed';
import { db } from '../../utils/db/database';
import { listEvidence } from '../../utils/db/repository';
import type { Lang, Messages } from '../../utils/i18n/messages';
import { ProtocolError } from '../../utils/messaging/receive';
import type { Page } from '../../utils/schema/page';
import type { AuditRecord } from '../../utils/audit/schema';
import { isActive, type Visit } from '../../utils/schema/visit';
import { useRead } from './use-read';

/** A visit's audits, read again whenever stored data changes. */
export function useAudits(visitId: string, rev: number): AuditRecord[] {
  return useRead(async () => listEvidence(await db(), 'audits', visitId), [visitId, rev]) ?? [];
}

/** How many accessibility problems the pages' latest audits found: the audits view's count. */
export function accessibilityProblems(pages: Page[], audits: AuditRecord[]): number {
  return pages.reduce((n, p) => n + (audits.filter((a) => a.pageId === p.id && a.accessibility).at(-1)?.accessibility?.violations.length ?? 0), 0);
}

/**
 * The audits in the panel: the speed of the visit so far, the current page's accessibility and speed
 * audit with its re-run action, and the other pages' audits below.
 */
export function AuditSection(props: {
  m: Messages;
  lang: Lang;
  visit: Visit;
  pages: Page[];
  tabId: number | undefined;
  /** The visit's audits, read once for the panel (see `useAudits`). */
  audits: AuditRecord[];
  ask: Ask;
}) {
  const { m, lang, visit, pages, tabId, audits, ask } = props;
  const t = m.audit;
  const [running, setRunning] = useState<string>();
  const [error, setError] = useState<string>();

  const current = pages.filter((p) => p.tabId === tabId).at(-1) ?? pages.at(-1);
  const of = (page: Page) => audits.filter((a) => a.pageId === page.id);

  // The latest speed audit of each page.
  const measured = pages.flatMap((p) => {
    const speed = of(p).filter((a) => a.speed).at(-1)?.speed;
    return speed ? [{ page: p, speed }] : [];
  });
  const summary = summariseVisit(measured.map((x) => x.speed));
  const slowest = summary.worst && measured[summary.worst.index];
  const worst: SlowestPage | undefined = slowest && { pageTitle: slowest.page.title, verdict: slowest.speed.verdict, vitals: slowest.speed.vitals };

  const rerun = async (page: Page) => {
    setRunning(page.id);
    setError(undefined);
    try {
      await ask({ type: 'audit/run', pageId: page.id });
    } catch (e) {
      setError(m.errors[e instanceof ProtocolError ? e.code : 'internal'] ?? m.errors.internal);
    } finally {
      setRunning(undefined);
    }
  };

  return (
    <div class="audits">
      <VisitSpeedSummary t={t} lang={lang} worst={worst} median={summary.median} pages={summary.pages} />
      {error && (
        <p class="error" role="alert" data-testid="audit-error">
          {error}
        </p>
      )}
      {current && (
        <PageAudit
          t={t}
          lang={lang}
          pageTitle={current.title}
          audits={of(current)}
          running={running === current.id}
          canRerun={isActive(visit)}
          onRerun={() => void rerun(current)}
        />
      )}
      {pages.filter((p) => p !== current && of(p).length > 0).length > 0 && (
        <details class="other-audits">
          <summary>{t.otherPages}</summary>
          {pages
            .filter((p) => p !== current && of(p).length > 0)
            .map((p) => (
              <PageAudit key={p.id} t={t} lang={lang} pageTitle={p.title} audits={of(p)} running={false} canRerun={false} onRerun={() => undefined} />
            ))}
        </details>
      )}
    </div>
  );
}
