import { describe, expect, it } from 'vitest';
import rgaaData from '../../../utils/audit/rgaa-4.1.2.json';
import { byDottedNumber, rgaaFor, rgaaFromAxeTags, wcagFromAxeTags } from '../../../utils/audit/rgaa';

// Tags as axe-core 4.14 gives them.
const IMAGE_ALT = ['cat.text-alternatives', 'wcag2a', 'wcag111', 'section508', 'section508.22.a', 'TTv5', 'TT7.a', 'TT7.b', 'EN-301-549', 'EN-9.1.1.1', 'ACT', 'RGAAv4', 'RGAA-1.1.1'];
const COLOR_CONTRAST = ['cat.color', 'wcag2aa', 'wcag143', 'TTv5', 'TT13.c', 'EN-301-549', 'EN-9.1.4.3', 'ACT', 'RGAAv4', 'RGAA-3.2.1'];
const ARIA_TOOLTIP_NAME = ['cat.aria', 'wcag2a', 'wcag412', 'EN-301-549', 'EN-9.4.1.2'];

describe('wcagFromAxeTags', () => {
  it('reads image-alt as WCAG 1.1.1, level A', () => {
    expect(wcagFromAxeTags(IMAGE_ALT)).toEqual({ criteria: ['1.1.1'], level: 'A' });
  });

  it('reads color-contrast as WCAG 1.4.3, level AA', () => {
    expect(wcagFromAxeTags(['wcag2aa', 'wcag143'])).toEqual({ criteria: ['1.4.3'], level: 'AA' });
  });

  it.each([
    ['wcag1410', '1.4.10'],
    ['wcag1412', '1.4.12'],
    ['wcag2411', '2.4.11'],
    ['wcag258', '2.5.8'],
    ['wcag412', '4.1.2'],
  ])('reads %s as %s', (tag, criterion) => {
    expect(wcagFromAxeTags([tag]).criteria).toEqual([criterion]);
  });

  it.each([
    [['wcag2a'], 'A'],
    [['wcag21a'], 'A'],
    [['wcag2aa'], 'AA'],
    [['wcag21aa'], 'AA'],
    [['wcag22aa'], 'AA'],
    [['wcag2aaa'], 'AAA'],
    // Failing an A criterion fails every level: the lowest wins.
    [['wcag21aa', 'wcag2a'], 'A'],
  ])('reads the level of %j as %s', (tags, level) => {
    expect(wcagFromAxeTags(tags).level).toBe(level);
  });

  it('ignores tags that name no criterion or level', () => {
    expect(wcagFromAxeTags(['wcag2a-obsolete', 'wcag411x', 'best-practice', 'EN-9.1.1.1', 'section508', 'wcag', 'TT7.a'])).toEqual({ criteria: [] });
  });

  it('sorts criteria numerically and lists each once', () => {
    expect(wcagFromAxeTags(['wcag412', 'wcag1410', 'wcag143', 'wcag143']).criteria).toEqual(['1.4.3', '1.4.10', '4.1.2']);
  });
});

describe('rgaaFor', () => {
  it('maps WCAG 1.1.1 to RGAA 1.1 among others', () => {
    expect(rgaaFor(['1.1.1'])).toContain('1.1');
  });

  it('maps WCAG 1.4.3 to RGAA 3.2 and 10.5 exactly', () => {
    expect(rgaaFor(['1.4.3'])).toEqual(['3.2', '10.5']);
  });

  it('maps WCAG 1.4.10 to RGAA 10.11', () => {
    expect(rgaaFor(['1.4.10'])).toEqual(['10.11']);
  });

  it('sorts numerically, not as text', () => {
    const found = rgaaFor(['4.1.2']);
    expect(found).toEqual([...found].sort(byDottedNumber));
    expect(found.indexOf('2.1')).toBeLessThan(found.indexOf('10.8'));
    expect(new Set(found).size).toBe(found.length);
  });

  it('finds nothing for WCAG 2.2 criteria (RGAA 4.1.2 follows WCAG 2.1) or unknown ones', () => {
    expect(rgaaFor(['2.5.8', '9.9.9'])).toEqual([]);
  });
});

describe('rgaaFromAxeTags', () => {
  it('takes the RGAA tests axe names: image-alt checks criterion 1.1 only', () => {
    expect(rgaaFromAxeTags(IMAGE_ALT)).toEqual(['1.1']);
    expect(rgaaFromAxeTags(COLOR_CONTRAST)).toEqual(['3.2']);
  });

  it('falls back to the WCAG references when axe names no RGAA test', () => {
    expect(rgaaFromAxeTags(ARIA_TOOLTIP_NAME)).toEqual(rgaaFor(['4.1.2']));
    expect(rgaaFromAxeTags(ARIA_TOOLTIP_NAME)).toContain('7.1');
  });

  it('ignores an RGAA tag for a criterion that does not exist', () => {
    expect(rgaaFromAxeTags(['wcag2aa', 'wcag143', 'RGAA-99.1.1'])).toEqual(['3.2', '10.5']);
  });
});

describe('the RGAA 4.1.2 extract', () => {
  it('has the 106 criteria, credited to DINUM under the Licence Ouverte', () => {
    expect(rgaaData.criteria).toHaveLength(106);
    expect(rgaaData.source).toMatch(/DINUM/);
    expect(rgaaData.source).toMatch(/Licence Ouverte/);
  });

  it('has plain titles and WCAG numbers only', () => {
    for (const c of rgaaData.criteria) {
      expect(c.number).toMatch(/^\d{1,2}\.\d{1,2}$/);
      expect(c.title).not.toMatch(/\]\(|\[/);
      expect(c.wcag.length).toBeGreaterThan(0);
      for (const sc of c.wcag) expect(sc).toMatch(/^\d\.\d\.\d{1,2}$/);
    }
  });
});
