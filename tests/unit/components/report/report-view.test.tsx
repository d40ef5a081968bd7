// @vitest-environment happy-dom
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ReportView } from '../../../../components/report/report-view';
import { reportUiEn, reportUiFr, type ReportUiMessages } from '../../../../utils/i18n/report-ui-messages';
import { REPORT_SECTIONS, type ReportModel } from '../../../../utils/report/model-types';
import { HOSTILE, reportModel } from './model-fixture';

const imageUrl = (id: string, size: 'thumb' | 'full') => `https://img.test/${id}-${size}.jpg`;
const render = (model: ReportModel = reportModel, t: ReportUiMessages = reportUiEn) =>
  renderToString(<ReportView model={model} t={t} imageUrl={imageUrl} />);
const parse = (html: string) => new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');

describe('ReportView (static render for the exported file)', () => {
  const html = render();
  const doc = parse(html);

  it('says how much of the shop’s look the replay has, why the rest is missing, and which budgets were reached', () => {
    const note = (model: ReportModel, t: ReportUiMessages) => parse(render(model, t)).querySelector('[data-testid=replay-assets]')?.textContent ?? '';
    expect(note(reportModel, reportUiFr)).toBe('Images, polices et feuilles de style de la boutique\u00a0: 42\u00a0gardées avec la visite, 5\u00a0non gardées (2 absentes du cache du navigateur, 3 servies par un autre site).');
    expect(note(reportModel, reportUiEn)).toBe('The shop’s images, fonts and style sheets: 42 kept with the visit, 5 not kept (2 not in the browser’s cache, 3 served by another site).');
    const full = { ...reportModel, replay: { ...reportModel.replay, assets: { ...reportModel.replay.assets, budgetReached: true, leftOutOfFile: 7 } } };
    expect(note(full, reportUiEn)).toContain('The visit’s 30 MB budget was reached');
    expect(note(full, reportUiEn)).toContain('this file leaves out 7 copies');
    expect(note(reportModel, reportUiEn)).not.toMatch(/budget|leaves out/);
    const none = { ...reportModel, replay: { ...reportModel.replay, assets: { kept: 0, notKept: {}, budgetReached: false, leftOutOfFile: 0 } } };
    expect(note(none, reportUiFr)).toMatch(/^Aucune image, police ni feuille de style/);
  });

  it('has one h1 and every section once, in order, each labelled by its h2', () => {
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    const sections = [...doc.querySelectorAll('[data-testid=report-section]')];
    expect(sections.map((s) => s.getAttribute('data-section'))).toEqual([...REPORT_SECTIONS]);
    for (const id of REPORT_SECTIONS) expect(html.split(`data-section="${id}"`)).toHaveLength(2);
    for (const s of sections) {
      const title = doc.getElementById(s.getAttribute('aria-labelledby')!);
      expect(title?.tagName).toBe('H2');
      expect(title?.parentElement).toBe(s);
    }
  });

  it('opens on the first page: score, outcome and the problems to fix first, each with its screenshot', () => {
    const cover = doc.querySelector('[data-section=cover]')!;
    expect(cover.querySelector('[data-testid=overall-score]')?.getAttribute('data-score')).toBe('72');
    expect(cover.querySelector('[data-testid=outcome]')?.getAttribute('data-outcome')).toBe('abandoned');
    const top = [...cover.querySelectorAll('[data-testid=top-finding]')];
    expect(top.map((li) => li.getAttribute('data-finding-id'))).toEqual(reportModel.firstPage.findings.map((f) => f.id));
    expect(top).toHaveLength(3);
    // The knock-out's own screenshot, linked to its figure in the gallery.
    const shot = top[0]!.querySelector('a.top-finding-shot');
    expect(shot?.getAttribute('href')).toBe('#shot-s2');
    expect(shot?.querySelector('img')?.getAttribute('src')).toBe('https://img.test/s2-thumb.jpg');
    expect(shot?.querySelector('img')?.getAttribute('alt')).toBe('See screenshot 2');
  });

  it('answers each question with its status, scope and causes, most likely first, each with its tier and proof', () => {
    const questions = [...doc.querySelectorAll('[data-testid=report-question]')];
    expect(questions.map((q) => [q.getAttribute('data-question'), q.getAttribute('data-status'), q.getAttribute('data-lead')])).toEqual([
      ['orders', 'answered', 'surprise-cost'],
      ['first-seconds', 'clear', null],
      ['product', 'answered', 'unresponsive'],
      ['return', 'not-reached', null],
    ]);
    const orders = questions[0]!;
    expect(orders.querySelector('[data-testid=question-coverage]')?.textContent).toBe('Scope: Seen in this visit: cart.');
    const causes = [...orders.querySelectorAll('[data-testid=question-cause]')];
    expect(causes.map((c) => [c.getAttribute('data-kind'), c.getAttribute('data-tier')])).toEqual([['surprise-cost', '1'], ['accessibility', '4']]);
    expect(causes[0]!.classList.contains('lead')).toBe(true);
    expect(causes[0]!.querySelector('.cause-tier')?.textContent).toBe('Stops the shopper');
    expect(causes[0]!.querySelector('a.shot-link')?.getAttribute('href')).toBe('#shot-s2');
    expect(causes[1]!.querySelector('.cause-tier')?.textContent).toBe('Barrier for some shoppers');
    // A criterion's cause links to the criterion in the checklist section.
    const criterion = questions[2]!.querySelector('a.cause-criterion');
    expect(criterion?.getAttribute('href')).toBe('#criterion-C12');
    expect(doc.getElementById('criterion-C12')?.getAttribute('data-criterion-id')).toBe('C12');
    // The site's words stay text, in the answer and in the scope.
    expect(questions[1]!.querySelector('.question-answer')?.textContent).toBe(HOSTILE.title);
    expect(questions[1]!.querySelector('img')).toBeNull();
    const fr = parse(render(reportModel, reportUiFr)).querySelector('[data-question=orders] .cause-tier')?.textContent;
    expect(fr).toBe('Bloque le client');
  });

  it('links every section after the first page from the contents', () => {
    const links = [...doc.querySelectorAll<HTMLAnchorElement>('[data-section=contents] nav a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(REPORT_SECTIONS.filter((id) => id !== 'cover' && id !== 'contents').map((id) => `#${id}`));
    for (const a of links) expect(doc.getElementById(a.getAttribute('href')!.slice(1))?.getAttribute('data-section')).toBe(a.getAttribute('href')!.slice(1));
  });

  it('draws each chart as an SVG image named by its title, with a sentence and a table of its figures', () => {
    const charts = [...doc.querySelectorAll('[data-testid=chart]')];
    // Scores, funnel, timeline, and LCP and CLS (the fixture's page has no INP).
    expect(charts.map((c) => c.getAttribute('data-chart'))).toEqual(['scores', 'funnel', 'timeline', 'vitals-lcp', 'vitals-cls']);
    for (const chart of charts) {
      const svg = chart.querySelector('svg')!;
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('viewBox')).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
      const title = svg.querySelector('title')!;
      expect(svg.firstElementChild).toBe(title);
      expect(svg.getAttribute('aria-labelledby')).toBe(title.id);
      expect(doc.getElementById(svg.getAttribute('aria-describedby')!)?.textContent?.length).toBeGreaterThan(10);
      expect(chart.querySelectorAll('details table tbody tr').length).toBeGreaterThan(0);
    }
    expect(doc.querySelector('[data-section=speed] .vitals-charts')?.textContent).toContain('Measured on no page: INP.');
    // The funnel says where the visit stopped in words, not by colour alone.
    const funnel = doc.querySelector('[data-chart=funnel]')!;
    expect(funnel.querySelector('.is-stop')?.textContent).toContain('abandoned here');
    expect(funnel.querySelector('tr[data-stop=true]')?.getAttribute('data-stage')).toBe('cart');
    expect(doc.querySelector('[data-chart=vitals-lcp] svg')?.textContent).toContain('4.2 s');
    const fr = parse(render({ ...reportModel, lang: 'fr' }, reportUiFr));
    expect(fr.querySelector('[data-chart=funnel] title')?.textContent).toBe('Le tunnel d’achat\u00a0: temps client par étape');
    expect(fr.querySelector('[data-chart=vitals-lcp] svg')?.textContent).toContain('4,2\u00a0s');
  });

  it('shows hostile strings from the site as text, never as markup', () => {
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<svg onload');
    expect(html).not.toMatch(/<\/textarea>/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)');
    expect(doc.querySelectorAll('script, svg[onload], [onerror], [onload], [onclick]')).toHaveLength(0);
    const text = doc.body.textContent ?? '';
    for (const s of Object.values(HOSTILE)) expect(text).toContain(s);
    expect(doc.querySelector('[data-section=accessibility] code.node-selector')?.textContent).toBe(HOSTILE.selector);
  });

  it('never makes a link out of a URL that is not http(s)', () => {
    expect(html).not.toMatch(/href="\s*javascript:/i);
    for (const a of doc.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(#|https?:)/);
    expect(doc.querySelector('a[href="https://accessibilite.numerique.gouv.fr/"]')).not.toBeNull();
  });

  it('says how often a page was sorted or filtered without becoming another page, and only then', () => {
    const pages = [...doc.querySelectorAll('[data-testid=journey-page]')];
    expect(pages.map((p) => p.textContent?.includes('Sorts and filters'))).toEqual([false, true]);
    expect(pages[1]?.textContent).toContain('3 times, on the same page');
  });

  it('links replay evidence with data-replay-at and a spoken name', () => {
    const links = [...doc.querySelectorAll<HTMLAnchorElement>('a.replay-link')];
    expect(links.length).toBeGreaterThan(5);
    for (const a of links) {
      expect(a.getAttribute('href')).toBe('#replay');
      expect(a.dataset.replayAt).toMatch(/^\d+$/);
      expect(a.getAttribute('onclick')).toBeNull();
    }
    const at83 = links.find((a) => a.dataset.replayAt === '83000')!;
    expect(at83.getAttribute('aria-label')).toBe('Play the replay at 1:23');
    expect(at83.textContent).toBe('▶ 1:23');
    const markers = doc.querySelectorAll('[data-section=replay] ol.replay-markers > li a.replay-link[data-replay-at]');
    expect(markers).toHaveLength(reportModel.markers.length);
    expect(markers[2]?.textContent).toContain('1:02:03');
    const player = doc.getElementById('replay-player');
    expect(player?.getAttribute('data-testid')).toBe('replay');
    expect(player?.childNodes).toHaveLength(0);
  });

  it('links screenshot evidence to its figure, which shows the full image and its annotations', () => {
    const link = doc.querySelector<HTMLAnchorElement>('[data-section=summary] a.shot-link[href="#shot-s2"]');
    expect(link?.textContent).toBe('Screenshot 2');
    const figure = doc.getElementById('shot-s1')!;
    expect(figure.tagName).toBe('FIGURE');
    const img = figure.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://img.test/s1-full.jpg');
    expect(img.getAttribute('alt')).toBe(reportModel.screenshots[0]!.caption);
    expect(figure.querySelectorAll('.annotation-box')).toHaveLength(1);
    expect(figure.querySelector('.annotation-captions')?.textContent).toContain(HOSTILE.comment);
    // Thumbnails: the journey's (alt = page title) and the checklist's evidence.
    expect(doc.querySelector('[data-page-id=p1] img.page-thumb')?.getAttribute('src')).toBe('https://img.test/s1-thumb.jpg');
    expect(doc.querySelector('[data-page-id=p1] img.page-thumb')?.getAttribute('alt')).toBe(HOSTILE.title);
    expect(doc.querySelector('[data-criterion-id=C12] .evidence-shot img')?.getAttribute('src')).toBe('https://img.test/s2-thumb.jpg');
  });

  it('says severities and answers in words, and the verdict is not final yet', () => {
    const summary = doc.querySelector('[data-section=summary]')!;
    expect(doc.querySelector('[data-section=cover] [data-testid=overall-score]')?.textContent).toContain('72 / 100');
    expect(summary.querySelector('[data-severity=critical]')?.textContent).toContain('critical');
    expect(summary.querySelector('[data-testid=knockouts]')?.textContent).toContain('Delivery costs hidden');
    expect(doc.querySelector('[data-criterion-id=C12] .answer-badge')?.textContent).toContain('No');
    expect(doc.querySelector('[data-section=checklist]')?.textContent).toContain('C12');
    const verdict = doc.querySelector('[data-section=verdict]')!;
    expect(verdict.textContent).toContain('Not final yet');
    expect(verdict.querySelectorAll('.writing-issues li')).toHaveLength(2);
    expect(doc.querySelector('[data-testid=review-status]')?.textContent).toContain('returned to the evaluator');
  });

  it('renders in French with the French words', () => {
    const fr = parse(render({ ...reportModel, lang: 'fr', firstPage: { ...reportModel.firstPage, score: 76.92 } }, reportUiFr));
    expect(fr.querySelector('[data-testid=overall-score]')?.textContent).toContain('76,9\u00a0/\u00a0100');
    expect(fr.querySelector('[data-section=verdict] h2')?.textContent).toBe('Verdict');
    expect(fr.querySelector('[data-section=verdict]')?.textContent).toContain('Pas encore définitif');
    expect(fr.querySelector('a.replay-link[data-replay-at="83000"]')?.getAttribute('aria-label')).toBe('Lire l’enregistrement à 1:23');
    expect(fr.querySelector('a.shot-link')?.textContent).toMatch(/^Capture \d$/);
  });

  it('shows the mission: each step with its mark, its customer time and target, the evidence present or missing', () => {
    const section = doc.querySelector('[data-section=mission]')!;
    expect(doc.querySelector('[data-testid=cover-mission]')?.textContent).toBe('Find shoes under 50 €');
    expect(doc.querySelector('[data-testid=cover-deadline]')?.getAttribute('data-met')).toBe('true');
    expect(section.querySelector('[data-testid=mission-order]')?.textContent).toBe(reportUiEn.orderNotFollowed);
    const [find, pay] = [...section.querySelectorAll('[data-testid=mission-step]')];
    expect(find?.getAttribute('data-status')).toBe('failed');
    expect(find?.textContent).toContain('failed — No size guide');
    expect(find?.querySelector('[data-testid=step-time]')?.textContent).toBe('55 s customer time · 1 min 35 s wall time · within the target');
    expect(find?.querySelector('a.replay-link[data-replay-at="15000"]')).not.toBeNull();
    expect(pay?.getAttribute('data-missing')).toBe('true');
    expect(pay?.textContent).toContain(reportUiEn.stepMissing);
    expect([...section.querySelectorAll('[data-testid=mission-evidence]')].map((e) => e.getAttribute('data-present'))).toEqual(['false', 'true']);
    const fr = parse(render({ ...reportModel, lang: 'fr' }, reportUiFr));
    expect(fr.querySelector('[data-section=mission] h2')?.textContent).toBe('La mission');
    expect(fr.querySelector('[data-testid=mission-step]')?.textContent).toContain('échouée');
    const none = parse(render({ ...reportModel, mission: null }));
    expect(none.querySelector('[data-testid=no-mission]')?.textContent).toBe(reportUiEn.noMission);
  });

  it('without a recording, says so and makes no replay link; without a checklist, says so', () => {
    const bare = parse(render({ ...reportModel, replay: { available: false, durationMs: 0, assets: { kept: 0, notKept: {}, budgetReached: false, leftOutOfFile: 0 } }, checklist: null }));
    expect(bare.getElementById('replay-player')).toBeNull();
    expect(bare.querySelector('[data-testid=no-replay]')?.textContent).toBe(reportUiEn.noReplay);
    expect(bare.querySelector('[data-replay-at]')).toBeNull();
    expect(bare.querySelector('[data-section=checklist]')?.textContent).toContain(reportUiEn.noChecklist);
  });

  it('puts the page-only toolbar and verdict form in place when given', () => {
    const page = parse(
      renderToString(<ReportView model={reportModel} t={reportUiEn} imageUrl={() => undefined} toolbar={<button type="button">Export</button>} verdictSlot={<p id="slot">form</p>} />),
    );
    expect(page.querySelector('main .report-toolbar button')?.textContent).toBe('Export');
    expect(page.querySelector('[data-section=verdict] #slot')).not.toBeNull();
    expect(page.querySelector('[data-testid=verdict]')).toBeNull();
    // No image URL: no broken images.
    expect(page.querySelectorAll('img')).toHaveLength(0);
  });
});
