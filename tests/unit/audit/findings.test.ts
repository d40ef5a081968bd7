import { describe, expect, it } from 'vitest';
import { FINDING_LIMITS, redactHtml, toFindings, type AxeResultsLike, type AxeRuleResult } from '../../../utils/audit/findings';
import { accessibilityAuditSchema } from '../../../utils/audit/schema';

const node = (target: AxeRuleResult['nodes'][number]['target'], html: string, failureSummary?: string) => ({
  target,
  html,
  ...(failureSummary === undefined ? {} : { failureSummary }),
});

// A small result as axe.run gives it (fields not read are left out), from the fixture shop's flaws.
const imageAlt: AxeRuleResult = {
  id: 'image-alt',
  impact: 'critical',
  help: 'Images must have alternative text',
  helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/image-alt?application=axeAPI',
  tags: ['cat.text-alternatives', 'wcag2a', 'wcag111', 'section508', 'EN-9.1.1.1', 'RGAAv4', 'RGAA-1.1.1'],
  nodes: [
    node(['img.thumb-no-alt:nth-child(1)'], '<img class="thumb-no-alt" src="/img/basket-lin.svg">', 'Fix any of the following:\n  Element does not have an alt attribute'),
    node(['img.thumb-no-alt:nth-child(3)'], '<img class="thumb-no-alt" src="/img/sac-cabas.svg">', 'Fix any of the following:\n  Element does not have an alt attribute'),
  ],
};
const colorContrast: AxeRuleResult = {
  id: 'color-contrast',
  impact: 'serious',
  help: 'Elements must meet minimum color contrast ratio thresholds',
  helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/color-contrast?application=axeAPI',
  tags: ['cat.color', 'wcag2aa', 'wcag143', 'RGAAv4', 'RGAA-3.2.1'],
  nodes: [
    node(['p.fine-print'], '<p class="fine-print">Livraison offerte dès 80 €</p>', 'Element has insufficient color contrast of 2.05'),
    // Inside a shadow root, then inside a frame's shadow root.
    node([['mm-brand-card', 'p.brand__tagline']], '<p class="brand__tagline">Depuis 1952</p>'),
    node(['iframe#promo', ['promo-box', 'span']], '<span>-20 %</span>'),
  ],
};
const labelIncomplete: AxeRuleResult = {
  id: 'label',
  help: 'Form elements must have labels',
  helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/label',
  tags: ['cat.forms', 'wcag2a', 'wcag412', 'RGAA-11.1.1'],
  nodes: [node(['#newsletter'], '<input id="newsletter" type="email" value="jane.canary@example.com">', 'Fix any of the following:\n  Form element does not have an implicit (wrapped) <label>')],
};

const results = (over: Partial<AxeResultsLike> = {}): AxeResultsLike => ({
  violations: [colorContrast, imageAlt],
  incomplete: [labelIncomplete],
  testEngine: { version: '4.14.1' },
  ...over,
});

describe('toFindings', () => {
  it('maps each rule with its WCAG criteria, level and RGAA criteria', () => {
    const audit = toFindings(results());
    expect(audit.axeVersion).toBe('4.14.1');
    expect(audit.violations[0]).toEqual({
      ruleId: 'image-alt',
      impact: 'critical',
      help: 'Images must have alternative text',
      helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/image-alt',
      wcag: ['1.1.1'],
      level: 'A',
      rgaa: ['1.1'],
      nodes: [
        { selector: 'img.thumb-no-alt:nth-child(1)', html: '<img class="thumb-no-alt" src="/img/basket-lin.svg">', summary: 'Fix any of the following:\n  Element does not have an alt attribute' },
        { selector: 'img.thumb-no-alt:nth-child(3)', html: '<img class="thumb-no-alt" src="/img/sac-cabas.svg">', summary: 'Fix any of the following:\n  Element does not have an alt attribute' },
      ],
      nodeCount: 2,
    });
    expect(audit.violations[1]).toMatchObject({ ruleId: 'color-contrast', impact: 'serious', wcag: ['1.4.3'], level: 'AA', rgaa: ['3.2'] });
    expect(audit.incomplete).toHaveLength(1);
    expect(audit.incomplete[0]).toMatchObject({ ruleId: 'label', impact: null, wcag: ['4.1.2'], level: 'A', rgaa: ['11.1'] });
    expect(accessibilityAuditSchema.parse(audit)).toEqual(audit);
  });

  it('joins selectors through shadow roots and frames with " >>> "', () => {
    const nodes = toFindings(results()).violations[1]!.nodes;
    expect(nodes.map((n) => n.selector)).toEqual(['p.fine-print', 'mm-brand-card >>> p.brand__tagline', 'iframe#promo >>> promo-box >>> span']);
    // No failure summary: an empty one, not a missing field.
    expect(nodes[1]!.summary).toBe('');
  });

  it('puts the most severe rules first', () => {
    const rule = (id: string, impact: AxeRuleResult['impact']): AxeRuleResult => ({ ...imageAlt, id, impact });
    const audit = toFindings(results({ violations: [rule('a', 'minor'), rule('b', null), rule('c', 'critical'), rule('d', 'moderate'), rule('e', 'serious')] }));
    expect(audit.violations.map((f) => f.ruleId)).toEqual(['c', 'e', 'd', 'a', 'b']);
  });

  it('keeps 20 elements of a rule and counts them all', () => {
    const many = Array.from({ length: 45 }, (_, i) => node([`li:nth-child(${i + 1}) > a`], '<a href="/x"></a>', 'Fix'));
    const [finding] = toFindings(results({ violations: [{ ...imageAlt, nodes: many }] })).violations;
    expect(finding!.nodes).toHaveLength(FINDING_LIMITS.nodesPerFinding);
    expect(finding!.nodeCount).toBe(45);
  });

  it('cuts long HTML, summaries and help to their bounds', () => {
    const html = `<div class="${'x'.repeat(1000)}">`;
    const rule = { ...imageAlt, help: 'h'.repeat(400), nodes: [node(['div'], html, 's'.repeat(900))] };
    const [finding] = toFindings(results({ violations: [rule] })).violations;
    expect(finding!.help).toHaveLength(300);
    expect(finding!.nodes[0]!.html).toHaveLength(300);
    expect(finding!.nodes[0]!.html.endsWith('…')).toBe(true);
    expect(finding!.nodes[0]!.summary).toHaveLength(500);
    expect(accessibilityAuditSchema.safeParse(toFindings(results({ violations: [rule] }))).success).toBe(true);
  });

  it('keeps at most the bounded number of rules', () => {
    const rules = Array.from({ length: 200 }, (_, i) => ({ ...imageAlt, id: `rule-${i}` }));
    expect(toFindings(results({ violations: rules })).violations).toHaveLength(FINDING_LIMITS.findings);
  });

  it('never keeps what was typed: field values, identifiers, echoes', () => {
    const echo = node(['#greeting'], '<p id="greeting">Bonjour Jane Canary, votre code : 4111 1111 1111 1111</p>', 'Fix');
    const audit = toFindings(results({ violations: [{ ...imageAlt, nodes: [echo] }] }), ['Jane Canary']);
    const text = JSON.stringify(audit);
    expect(text).not.toMatch(/jane|canary|4111/i);
    expect(JSON.stringify(toFindings(results()).incomplete)).not.toContain('jane.canary@example.com');
  });
});

describe('redactHtml', () => {
  it.each([
    ['a text field', '<input id="name" value="Jane">', '<input id="name" value="…">'],
    ['an e-mail field', '<input type="email" value=\'jane@example.com\' required>', '<input type="email" value="…" required>'],
    ['an unquoted value', '<input value=Jane type=text>', '<input value="…" type=text>'],
    ['a hidden token', '<input type="hidden" name="csrf" value="csrf-SECRET-TOKEN-7f3a9c2e51">', '<input type="hidden" name="csrf" value="…">'],
    ['a value cut by axe', '<input type="text" value="Jane Can', '<input type="text" value="…"'],
    ['a text area', '<textarea id="msg">Mon adresse est 12 rue…</textarea>', '<textarea id="msg">…</textarea>'],
    ['fields inside a form', '<form><input name="q" value="chaussures"><button>OK</button></form>', '<form><input name="q" value="…"><button>OK</button></form>'],
  ])('hides %s', (_label, html, expected) => {
    expect(redactHtml(html)).toBe(expected);
  });

  it.each([
    '<input type="submit" value="Envoyer">',
    '<input type="checkbox" value="newsletter">',
    '<input type="range" min="0" max="10">',
    '<div data-value="5" aria-valuenow="3">',
  ])('keeps %s as it is', (html) => {
    expect(redactHtml(html)).toBe(html);
  });
});
