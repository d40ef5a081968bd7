import { describe, expect, it } from 'vitest';
import { missionSchema } from '../../../../utils/mission/schema';
import { buildReport } from '../../../../utils/report/build-report';
import { deadlineMet, reportMission } from '../../../../utils/report/mission';
import { timelineOf } from '../../../../utils/report/timeline';
import type { VisitData } from '../../../../utils/report/visit-data';
import { page, T0, validMissionFile } from '../../mission/fixtures';

const mission = missionSchema.parse({
  ...validMissionFile(),
  steps: validMissionFile().steps.map((step, i) => (i === 1 ? { ...step, targetSeconds: 60 } : step)),
});

/** A visit of the test mission: home at 0 s, listing at 30 s, product at 120 s (with 70 s of panel work before), basket never. */
function data(more: Partial<VisitData['visit']> = {}): VisitData {
  return {
    visit: {
      id: 'v',
      site: 'shop.example',
      origin: 'https://shop.example',
      origins: ['https://shop.example/*'],
      tabIds: [1],
      startedAt: T0,
      endedAt: T0 + 200_000,
      status: 'ended',
      pauses: [],
      userAgent: 'test',
      mission,
      missionHash: 'b'.repeat(64),
      panelWork: [{ from: T0 + 40_000, to: T0 + 110_000 }],
      stepStatuses: { product: { status: 'failed', comment: 'No size guide', at: T0 + 130_000 } },
      explanations: { 'step/basket': 'The basket stayed empty: out of stock.' },
      ...more,
    },
    pages: [page('home', 'home', 0), page('list', 'listing', 30), page('product', 'product', 120, { end: 200 })],
    screenshots: [],
    notes: [],
    signals: [],
    abandonments: [],
    answers: [],
    audits: [],
    recording: [],
  };
}

describe('the report’s Mission section', () => {
  it('is null for a visit made before missions', () => {
    const { mission: _m, ...visit } = data().visit;
    expect(reportMission({ ...data(), visit: visit }, timelineOf([]), 'en', T0)).toBeNull();
  });

  it('gives each step its status, its customer time against the target and whether it is missing', () => {
    const m = reportMission(data(), timelineOf([]), 'en', T0 + 300_000)!;
    expect(m).toMatchObject({ id: 'agence-test-juillet', title: 'Test mission', agency: 'Agence Test', hash: 'b'.repeat(64), orderFollowed: true });
    const [home, product, basket] = m.steps;
    expect(home).toMatchObject({ id: 'home', reached: true, inOrder: true, wallMs: 0, customerMs: 0, missing: false });
    // From home (0 s) to the product (120 s): 120 s of wall time, 70 s of it in the panel.
    expect(product).toMatchObject({ reached: true, status: 'failed', comment: 'No size guide', wallMs: 120_000, customerMs: 50_000, targetMs: 60_000, overTarget: false });
    expect(basket).toMatchObject({ reached: false, missing: true, explanation: 'The basket stayed empty: out of stock.' });
    expect(basket).not.toHaveProperty('customerMs');
  });

  it('judges the target on customer time, not on the evaluator’s time in the panel', () => {
    const m = reportMission(data({ panelWork: [] }), timelineOf([]), 'en', T0 + 300_000)!;
    expect(m.steps[1]).toMatchObject({ wallMs: 120_000, customerMs: 120_000, overTarget: true });
  });

  it('says which required evidence is present', () => {
    const withShot = data();
    withShot.pages.push(page('basket', 'cart', 150, { path: '/panier' }));
    withShot.screenshots.push({ id: 's1', visitId: 'v', pageId: 'basket', at: T0 + 160_000, offset: 0, kind: 'visible', trigger: 'button', width: 10, height: 10, annotations: [] });
    const m = reportMission(withShot, timelineOf([]), 'fr', T0 + 300_000)!;
    expect(m.title).toBe('Mission de test');
    expect(m.evidence.map((e) => [e.id, e.present])).toEqual([
      ['basket-shot', true],
      ['delivery-note', false],
    ]);
    expect(m.steps[2]).toMatchObject({ reached: true, missing: false });
  });

  it('tells whether the deadline was met', () => {
    const at = Date.parse('2025-07-14T18:00:00+02:00');
    expect(deadlineMet('2025-07-14T18:00:00+02:00', { endedAt: at }, at + 1)).toEqual({ at, met: true });
    expect(deadlineMet('2025-07-14T18:00:00+02:00', { endedAt: at + 1 }, at + 1)).toEqual({ at, met: false });
    expect(deadlineMet('2025-07-14T18:00:00+02:00', {}, at - 1)).toEqual({ at, met: null });
    expect(deadlineMet('2025-07-14T18:00:00+02:00', {}, at + 1)).toEqual({ at, met: false });
  });

  it('puts the mission, the persona and the deadline on the cover', () => {
    const { cover, mission: section } = buildReport(data(), { lang: 'en', now: T0 + 300_000 });
    expect(cover.mission).toBe('Test mission');
    expect(cover.personaAlias).toBe('Claire M.');
    // The visit ended in 2023, before the deadline of July 2025.
    expect(cover.deadline).toEqual({ at: Date.parse('2025-07-14T18:00:00+02:00'), met: true });
    expect(section?.steps).toHaveLength(3);
  });
});
