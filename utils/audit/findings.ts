import type { NodeResult, Result } from 'axe-core';
import { maskIdentifiers } from '../privacy/identifiers';
import { TypedMatcher } from '../privacy/typed';
import { rgaaFromAxeTags, wcagFromAxeTags } from './rgaa';
import type { AccessibilityAudit, Finding, FindingNode } from './schema';

/*
 * No zod here: the audit content script runs this mapping, and the schemas would carry the whole
 * stored model into it. schema.ts takes its bounds from here instead.
 */

/** axe's impacts, least severe first. */
export const IMPACTS = ['minor', 'moderate', 'serious', 'critical'] as const;

/** Bounds on what one page's accessibility audit keeps. */
export const FINDING_LIMITS = { findings: 150, nodesPerFinding: 20, wcagPerFinding: 20, rgaaPerFinding: 30 } as const;

/** The part of an axe rule's result that is read. */
export type AxeRuleResult = Pick<Result, 'id' | 'impact' | 'help' | 'helpUrl' | 'tags'> & {
  nodes: readonly Pick<NodeResult, 'html' | 'target' | 'failureSummary'>[];
};
/** The part of `axe.run`'s results that is read. */
export type AxeResultsLike = {
  violations: readonly AxeRuleResult[];
  incomplete: readonly AxeRuleResult[];
  testEngine: { version: string };
};

/** Identifiers and this page's typed values masked before the cut; the background's pass does the rest. */
const maskSensitiveText = (text: string, typed: TypedMatcher) => typed.mask(maskIdentifiers(text));

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

// Inputs whose value is the author's label or choice, never something typed.
const AUTHORED_VALUE_TYPES = new Set(['button', 'submit', 'reset', 'image', 'checkbox', 'radio']);
const INPUT_TAG = /<input\b[^>]*>?/gi;
const VALUE_ATTR = /(\svalue\s*=\s*)("[^"]*"?|'[^']*'?|[^\s>]*)/gi;
const TYPE_ATTR = /\stype\s*=\s*["']?([a-z-]+)/i;
const TEXTAREA = /(<textarea\b[^>]*>)[\s\S]*?(<\/textarea>|$)/gi;

/**
 * An element's HTML as axe quotes it, without what a person may have typed: the `value` of fields
 * (frameworks mirror it into the attribute), a text area's text, and anything that looks like an
 * identifier or echoes a typed value.
 */
export function redactHtml(html: string, typed: Iterable<string> | TypedMatcher = []): string {
  const fieldsHidden = html
    .replace(INPUT_TAG, (tag) => {
      const type = TYPE_ATTR.exec(tag)?.[1]?.toLowerCase() ?? 'text';
      return AUTHORED_VALUE_TYPES.has(type) ? tag : tag.replace(VALUE_ATTR, '$1"…"');
    })
    .replace(TEXTAREA, '$1…$2');
  return maskSensitiveText(fieldsHidden, typed instanceof TypedMatcher ? typed : new TypedMatcher(typed));
}

/** axe's target: one selector per frame, a list of selectors for a path through shadow roots. */
function selectorOf(target: NodeResult['target']): string {
  return target.flatMap((part) => (typeof part === 'string' ? [part] : part)).join(' >>> ');
}

function toFinding(rule: AxeRuleResult, typed: TypedMatcher): Finding {
  const { criteria, level } = wcagFromAxeTags(rule.tags);
  const nodes: FindingNode[] = rule.nodes.slice(0, FINDING_LIMITS.nodesPerFinding).map((node) => ({
    selector: cut(maskSensitiveText(selectorOf(node.target), typed), 500),
    // Redacted before the cut: a cut could split a value attribute and leave its start behind.
    html: cut(redactHtml(node.html, typed), 300),
    summary: cut(maskSensitiveText(node.failureSummary ?? '', typed), 500),
  }));
  return {
    ruleId: cut(rule.id, 100),
    impact: rule.impact ?? null,
    help: cut(rule.help, 300),
    // axe adds "?application=axeAPI"; addresses are stored without query or fragment.
    helpUrl: cut(rule.helpUrl.replace(/[?#].*$/s, ''), 500),
    wcag: criteria.slice(0, FINDING_LIMITS.wcagPerFinding),
    ...(level ? { level } : {}),
    rgaa: rgaaFromAxeTags(rule.tags).slice(0, FINDING_LIMITS.rgaaPerFinding),
    nodes,
    nodeCount: rule.nodes.length,
  };
}

const severity = (f: Finding) => (f.impact ? IMPACTS.indexOf(f.impact) : -1);

/** Most severe first, then most elements: the cap drops the least important. */
function mapRules(rules: readonly AxeRuleResult[], typed: TypedMatcher): Finding[] {
  return rules
    .map((rule) => toFinding(rule, typed))
    .sort((a, b) => severity(b) - severity(a) || b.nodeCount - a.nodeCount || a.ruleId.localeCompare(b.ruleId))
    .slice(0, FINDING_LIMITS.findings);
}

/**
 * axe-core's results as stored: each rule with its WCAG criteria, level and RGAA criteria (see
 * `rgaaFromAxeTags`), its first elements by selector and quoted HTML (typed values and identifiers
 * masked, `typed` being what the person typed on the page), no DOM references.
 */
export function toFindings(results: AxeResultsLike, typed: Iterable<string> = []): AccessibilityAudit {
  // One matcher for the whole audit: its needles are worked out once.
  const matcher = new TypedMatcher(typed);
  return {
    axeVersion: cut(results.testEngine.version, 30),
    violations: mapRules(results.violations, matcher),
    incomplete: mapRules(results.incomplete, matcher),
  };
}
