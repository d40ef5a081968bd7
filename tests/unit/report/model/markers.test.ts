import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../../utils/report/build-report';
import { replayMarkers } from '../../../../utils/report/markers';
import { timelineOf } from '../../../../utils/report/timeline';
import { reportWords } from '../../../../utils/i18n/report-messages';
import { FIRST_EVENT_DELAY, T0, visitData } from './fixture';

const NOW = T0 + 300_000;

describe('replayMarkers', () => {
  const data = visitData();
  const timeline = timelineOf(data.recording);
  const markers = replayMarkers(data, timeline, reportWords('en'));
  const pageStart = (pageId: string) => data.pages.find((p) => p.id === pageId)!.startedAt + FIRST_EVENT_DELAY;
  const visitStart = T0 + FIRST_EVENT_DELAY;

  it('are sorted by time', () => {
    const times = markers.map((m) => m.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('place each moment at its page start − the visit start + its offset', () => {
    const placed = (kind: string, refId: string) => markers.find((m) => m.kind === kind && m.refId === refId)?.at;
    expect(placed('answer', 'E04')).toBe(pageStart('p4') - visitStart + 10000);
    expect(placed('note', 'n1')).toBe(pageStart('p2') - visitStart + 4000);
    expect(placed('signal', 'g1')).toBe(pageStart('p3') - visitStart + 20000);
    expect(placed('abandonment', 'ab1')).toBe(pageStart('p4') - visitStart + 11000);
    expect(placed('screenshot', 's1')).toBe(500);
    expect(placed('page', 'p1')).toBe(0);
  });

  it('label each kind in words', () => {
    const label = (refId: string) => markers.find((m) => m.refId === refId)?.label;
    expect(label('p3')).toBe('Product page · Suspension Opaline');
    expect(label('E04')).toBe('E04 · No');
    expect(label('H05')).toBe('H05 · 2 / 5');
    expect(label('n1')).toBe('Les filtres se réinitialisent au retour à la liste, très pén…');
    expect(label('s2')).toBe('Full page · Cart');
    expect(label('g5')).toBe('Failed request');
    expect(label('ab1')).toBe('Extra costs');
  });

  it('leave out what has no recording', () => {
    expect(markers.some((m) => m.refId === 'p6')).toBe(false);
    const model = buildReport(data, { lang: 'en', now: NOW });
    expect(model.journey.pages.find((p) => p.id === 'p6')?.replayAt).toBeNull();
    expect(model.journey.pages.find((p) => p.id === 'p5')?.replayAt).toBe(pageStart('p5') - visitStart);
    expect(model.markers).toEqual(markers);
    expect(model.replay.available).toBe(true);
  });
});

describe('journey', () => {
  const model = buildReport(visitData(), { lang: 'en', now: NOW });

  it('places each stage at its first page', () => {
    expect(model.journey.stages.map((s) => [s.stage, s.sinceStart])).toEqual([
      ['landing', 0],
      ['browse', 20_000],
      ['product', 45_000],
      ['cart', 90_000],
      ['checkout', 130_000],
    ]);
    expect(model.journey.stages[3]).toMatchObject({ label: 'Cart', replayAt: 90_000 });
  });

  it('times each page until the next one of its tab, the last until the visit ended', () => {
    expect(model.journey.pages.map((p) => p.durationMs)).toEqual([20_000, 25_000, 45_000, 40_000, 30_000, 40_000]);
  });

  it('picks a thumbnail, a visible capture first, and counts signals by type', () => {
    expect(model.journey.pages.map((p) => p.thumbnailId)).toEqual(['s1', undefined, undefined, 's2', undefined, undefined]);
    expect(model.journey.pages[2]!.signals).toEqual([{ type: 'rage-click', label: 'Repeated clicks (rage)', count: 3 }]);
  });

  it('says each signal in words', () => {
    const detail = (id: string) => model.journey.signals.find((s) => s.id === id)?.detail;
    expect(detail('g1')).toBe('5 clicks in 1.2 s on “Guide des tailles”');
    expect(detail('g4')).toBe('Error “TypeError: cart is undefined”');
    expect(detail('g5')).toBe('POST https://shop.example/api/shipping: answered 500');
    const fr = buildReport(visitData(), { lang: 'fr', now: NOW }).journey.signals;
    expect(fr[0]?.detail).toBe('5\u00a0clics en 1,2\u00a0s sur «\u00a0Guide des tailles\u00a0»');
  });
});
