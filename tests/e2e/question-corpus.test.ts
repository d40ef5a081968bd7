import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS, CORPUS_DATA_DIR, recordCorpusVisit, type CorpusVisit } from '../../scripts/automation/cause-corpus';
import { unpackBundle } from '../../utils/report/bundle/unpack';
import { buildReport } from '../../utils/report/build-report';
import type { QuestionAnswer } from '../../utils/report/model-types';
import { contradictions } from '../unit/report/model/question-checks';
import type { VisitContent, VisitData } from '../../utils/report/visit-data';
import type { AuditRecord } from '../../utils/audit/schema';
import { pageTypeOf, type Page } from '../../utils/schema/page';
import type { SignalType } from '../../utils/schema/evidence';

/**
 * Issue 22's corpus: twelve visits recorded end to end, each on a shop with one planted cause
 * (tests/fixtures/causes/). Each visit is played in a fresh profile, stopped and exported; its
 * bundle is unpacked here, written to tests/e2e/.corpus/<id>.json (`loadCorpusVisit`), and the planted
 * cause is looked for in the recorded data itself — ground truth, whatever the report says of it.
 * `CORPUS=V01,V03` records only those.
 */

const only = process.env.CORPUS?.split(',').map((s) => s.trim()).filter(Boolean);
const VISITS = CORPUS.filter((v) => !only || only.includes(v.id));
const recorded = new Map<string, VisitContent>();
const durations: string[] = [];
/** Per visit: the lead each question gave, in the corpus's words (`none`, `not-reached` or a cause kind). */
const given = new Map<string, Record<string, string>>();

/** What an answer leads with, in the corpus's words. */
const leadOf = (q: QuestionAnswer) => (q.status === 'answered' ? q.lead!.kind : q.status === 'clear' ? 'none' : 'not-reached');

// ——— Reading the recorded data ———

const typeOf = (p: Page) => pageTypeOf(p);
const pagesOfType = (d: VisitData, type: string) => d.pages.filter((p) => typeOf(p) === type);
const onPage = (d: VisitData, type: string) => new Set(pagesOfType(d, type).map((p) => p.id));
const signals = (d: VisitData, type: SignalType, pageType?: string) =>
  d.signals.filter((s) => s.type === type && (pageType === undefined || onPage(d, pageType).has(s.pageId)));

/** Each page's latest finished speed audit. */
function speedOf(d: VisitData, pageId: string): NonNullable<AuditRecord['speed']> | undefined {
  const audits = d.audits.filter((a) => a.pageId === pageId && a.status === 'done' && a.speed).sort((a, b) => b.at - a.at);
  return audits[0]?.speed;
}

/** The page's recording, as text (its rrweb events), to look for what the shop showed. */
function recordingText(content: VisitContent, pageId: string): string {
  return [...content.chunks]
    .filter(([key]) => key.startsWith(`${pageId}/`))
    .map(([, bytes]) => gunzipSync(bytes).toString('utf8'))
    .join('\n');
}

const describePages = (d: VisitData) =>
  d.pages.map((p) => `${typeOf(p)} ${new URL(p.url).pathname}${p.landing?.overlay ? ` [overlay ${p.landing.overlay.kind} ${p.landing.overlay.coverage}]` : ''}`).join(' → ');

// ——— The planted causes, as the recorded data must show them ———

const GROUND_TRUTH: Record<string, (d: VisitData, content: VisitContent) => void> = {
  V01(d) {
    const overlay = d.pages[0]!.landing?.overlay;
    expect(overlay?.kind).toBe('cookie-banner');
    expect(overlay!.coverage).toBeGreaterThanOrEqual(0.3);
    expect(overlay!.coveredFor).toBeGreaterThan(3000);
    expect(d.pages.map(typeOf)).toContain('confirmation');
    expect(d.visit.outcome?.kind).toBe('converted');
  },
  V02(d) {
    const home = d.pages[0]!;
    expect(typeOf(home)).toBe('home');
    const speed = speedOf(d, home.id);
    expect(speed?.verdict).not.toBe('good');
    expect(speed!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['uncompressed', 'ttfb']));
    expect(d.pages.map(typeOf)).toEqual(['home', 'listing', 'product']);
  },
  V03(d) {
    expect(signals(d, 'failed-request', 'product').filter((s) => s.facts.status === 500).length).toBeGreaterThanOrEqual(1);
    expect(d.abandonments.map((a) => a.reason)).toEqual(['bug']);
    expect(d.pages.map(typeOf)).not.toContain('cart');
  },
  V04(d) {
    expect(signals(d, 'form-error', 'payment').length).toBeGreaterThanOrEqual(2);
    expect(d.pages.map(typeOf)).not.toContain('confirmation');
  },
  V05(d, content) {
    // The shipping line appears at payment only.
    const shown = (type: string) => pagesOfType(d, type).map((p) => recordingText(content, p.id)).join('\n');
    expect(shown('payment')).toContain('€9,90');
    for (const type of ['product', 'cart']) expect(shown(type)).not.toMatch(/9,90|[Ss]hipping<\/a> calculated/);
    expect(d.answers.filter((a) => a.state === 'no').map((a) => a.criterionId).sort()).toEqual(['D05', 'E03']);
    expect(d.abandonments.map((a) => [a.reason, a.stage])).toEqual([['extra-costs', 'payment']]);
  },
  V06(d, content) {
    expect(recordingText(content, pagesOfType(d, 'product')[0]!.id)).not.toContain('39,90');
    expect(d.answers.filter((a) => a.state === 'no').map((a) => a.criterionId).sort()).toEqual(['D01', 'D04']);
    expect(d.abandonments.map((a) => [a.reason, a.stage])).toEqual([['missing-information', 'product']]);
  },
  V07(d, content) {
    for (const p of d.pages) expect(recordingText(content, p.id)).not.toMatch(/[Rr]etours sous/);
    expect(d.answers.filter((a) => a.state === 'no').map((a) => a.criterionId)).toEqual(['D06']);
    expect(d.pages.map(typeOf)).toEqual(expect.arrayContaining(['confirmation', 'contact']));
    expect(d.abandonments).toEqual([]);
  },
  V08(d) {
    expect(signals(d, 'failed-request', 'contact').filter((s) => s.facts.status === 500).length).toBeGreaterThanOrEqual(1);
    expect(d.answers.filter((a) => a.state === 'no').map((a) => a.criterionId)).toEqual(['K04']);
  },
  V09(d, content) {
    expect(recordingText(content, d.pages.at(-1)!.id)).toContain('Debes acceder para finalizar la compra');
    expect(d.abandonments.map((a) => a.reason)).toEqual(['forced-account']);
    expect(new URL(d.pages.at(-1)!.url).pathname).toBe('/mi-cuenta/');
    expect(d.answers.map((a) => [a.criterionId, a.state, typeOf(d.pages.find((p) => p.id === a.pageId)!)])).toEqual([['F01', 'no', 'account']]);
  },
  V10(d, content) {
    const home = d.pages[0]!;
    // The pop-up was on screen (the recording shows it) and the landing saw something covering it.
    expect(recordingText(content, home.id)).toContain('klaviyo-close-form');
    expect(home.landing?.overlay).toBeDefined();
    expect(d.pages.map(typeOf)).toEqual(['home', 'listing', 'product', 'cart']);
  },
  V11(d, content) {
    expect(recordingText(content, d.pages[1]!.id)).toContain('no products were found');
    expect(d.pages.map(typeOf)).toEqual(['home', 'search']);
    expect(d.abandonments.map((a) => [a.reason, a.stage])).toEqual([['product-not-found', 'browse']]);
  },
  V12(d, content) {
    const confirmation = recordingText(content, pagesOfType(d, 'confirmation')[0]!.id);
    expect(confirmation).toContain('Vielen Dank für Ihre Bestellung');
    expect(confirmation).not.toMatch(/10087|Bestellnummer|Gesamtsumme/);
    expect(d.answers.filter((a) => a.state === 'no').map((a) => a.criterionId)).toEqual(['H01']);
    expect(d.pages.map(typeOf)).toEqual(expect.arrayContaining(['confirmation', 'account', 'contact']));
  },
};

describe('the cause corpus: twelve visits with a planted cause (issue 22)', () => {
  afterAll(() => console.log(`corpus durations: ${durations.join(', ')}`));

  it.each(VISITS.map((v) => [v.id, v] as [string, CorpusVisit]))(
    '%s: recorded end to end, the planted cause is in the data',
    async (id, visit) => {
      const started = Date.now();
      const bytes = await recordCorpusVisit(visit);
      const unpacked = await unpackBundle(bytes);
      if (!unpacked.ok) throw new Error(`${id}: the bundle does not open: ${JSON.stringify(unpacked.error)}`);
      const content = unpacked.content;
      const data = content.data;
      recorded.set(id, content);
      mkdirSync(CORPUS_DATA_DIR, { recursive: true });
      writeFileSync(path.join(CORPUS_DATA_DIR, `${id}.json`), JSON.stringify(data));
      durations.push(`${id} ${((Date.now() - started) / 1000).toFixed(1)} s`);
      console.log(`${id} (${visit.platform}, ${((Date.now() - started) / 1000).toFixed(1)} s): ${describePages(data)}; signals ${data.signals.map((s) => s.type).join(',') || 'none'}`);

      // One visit per bundle, ended.
      expect(data.visit.status).toBe('ended');
      GROUND_TRUTH[id]!(data, content);

      // The report's four answers, in both languages: what each leads with, and nothing that
      // contradicts the rest of the report or cites a page outside its question.
      const leads: Record<string, string>[] = [];
      for (const lang of ['fr', 'en'] as const) {
        const model = buildReport(data, { lang, now: data.visit.endedAt ?? started });
        expect({ id, lang, contradictions: contradictions(model, data) }).toEqual({ id, lang, contradictions: [] });
        leads.push(Object.fromEntries(model.questions.map((q) => [q.id, leadOf(q)])));
        if (lang === 'en') for (const q of model.questions) console.log(`  ${id} ${q.id} [${leadOf(q)}] ${q.answer}`);
      }
      // The diagnosis does not depend on the language it is written in.
      expect(leads[0]).toEqual(leads[1]);
      given.set(id, leads[1]!);
    },
    180_000,
  );

  it('has no other slow page, and no other home covered on landing', () => {
    for (const [id, content] of recorded) {
      const d = content.data;
      if (id !== 'V02') {
        const slow = d.pages
          .map((p) => ({ page: `${typeOf(p)} ${new URL(p.url).pathname}`, speed: speedOf(d, p.id) }))
          .filter((p) => p.speed && p.speed.verdict !== 'good')
          .map((p) => `${p.page}: ${p.speed!.reasons.map((r) => r.code).join(',')}`);
        expect({ id, slow }).toEqual({ id, slow: [] });
      }
      if (!['V01', 'V10'].includes(id)) expect({ id, overlay: d.pages[0]?.landing?.overlay }).toEqual({ id, overlay: undefined });
      // No request fails but the planted ones: the extension's own reads of the browser's cache for
      // the replay's copies (utils/assets/read-cached.ts, net::ERR_CACHE_MISS on lazy pictures) made
      // failed-request signals on the shop's tab until they were counted as benign (cache-only-read).
      const failed = d.signals
        .filter((s) => s.type === 'failed-request')
        .map((s) => `${typeOf(d.pages.find((p) => p.id === s.pageId)!)} ${String(s.facts.status)}`);
      const planted = { V03: 'product 500', V08: 'contact 500' }[id];
      expect({ id, failed: [...new Set(failed)] }).toEqual({ id, failed: planted ? [planted] : [] });
      expect({ id, errors: signals(d, 'js-error').map((s) => s.facts.message) }).toEqual({ id, errors: [] });
    }
  });

  it('leads with the planted cause in at least 90 % of the answers (the table of expected against given)', () => {
    const rows = VISITS.filter((v) => given.has(v.id)).map((v) => ({ visit: v, got: given.get(v.id)! }));
    expect(rows.length).toBeGreaterThan(0);
    const questions = Object.keys(rows[0]!.visit.expected);
    let right = 0;
    const lines = [`| visit | ${questions.join(' | ')} |`, `|---|${questions.map(() => '---').join('|')}|`];
    for (const { visit, got } of rows) {
      const cells = questions.map((q) => {
        const [expected, answer] = [visit.expected[q as keyof typeof visit.expected], got[q]];
        if (expected === answer) right += 1;
        return expected === answer ? answer : `✗ expected ${expected}, given ${answer}`;
      });
      lines.push(`| ${visit.id} ${visit.platform} | ${cells.join(' | ')} |`);
    }
    const total = rows.length * questions.length;
    console.log(`${lines.join('\n')}\n${right} of ${total} answers lead with the planted cause (${Math.round((right / total) * 100)} %)`);
    expect(right / total).toBeGreaterThanOrEqual(0.9);
  });
});
