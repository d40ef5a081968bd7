import type { AuditRecord, Finding } from '../audit/schema';
import type { Signal } from '../schema/evidence';
import type { Page } from '../schema/page';
import { maskIdentifiers } from './identifiers';
import { TypedMatcher } from './typed';
import { bareCssUrls, bareSrcset, bareUrl, pageUrl } from './urls';
import { maskEvents } from './events';

/** Attributes whose value is an address the browser navigates to: a page's, kept bare. */
const PAGE_URL_ATTRIBUTES = new Set(['action', 'formaction', 'cite', 'longdesc', 'ping']);
/** Attributes whose value is an asset's address: kept bare, path whole (the replay loads it). */
const ASSET_URL_ATTRIBUTES = new Set(['src', 'poster', 'data', 'background', 'xlink:href', 'manifest', 'icon', 'codebase', 'lowsrc', 'dynsrc']);
const SRCSET_ATTRIBUTES = new Set(['srcset', 'imagesrcset']);
/** Attributes that carry words a person reads (or a screen reader speaks): masked like text. */
const TEXT_ATTRIBUTES = new Set(['title', 'alt', 'placeholder', 'value', 'content', 'label', 'summary', 'abbr', 'download', 'name', 'datetime']);
/** The check facts that are the page's own words (the others are counts, flags and codes). */
const CHECK_TEXTS = ['cookieRefuseLabel', 'payButtonLabel', 'deliveryAmount'] as const;
const LOOKS_LIKE_URL = /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/|\/|\.\.?\/)/i;

/**
 * The one privacy pass: everything Mystère stores that comes from the shop's pages goes through it
 * before it is written — recorded events, page records, signals, audits. It masks what looks like
 * a personal identifier, every echo of what the evaluator typed anywhere in the visit, and keeps
 * addresses without their query and fragment. Masking twice changes nothing.
 */
export class PrivacyPass {
  private readonly typed: TypedMatcher;

  /** `searchTerms`, typed into search fields, are masked whole only (see `TypedMatcher`). */
  constructor(typedValues: Iterable<string> = [], searchTerms: Iterable<string> = []) {
    this.typed = new TypedMatcher(typedValues, searchTerms);
  }

  /** Text of the page: identifiers and typed values masked. */
  text(text: string): string {
    return this.typed.mask(maskIdentifiers(text));
  }

  /** Free text that may hold addresses (an error message, an HTML excerpt): addresses bare too. */
  prose(text: string): string {
    const bare = text.replace(/\b(?:https?:\/\/|mailto:|tel:)[^\s"'<>`)]*/gi, (url) => pageUrl(url));
    return this.text(bare.replace(/(\b(?:href|src|action)=["'])([^"']*)/gi, (_, head: string, url: string) => head + pageUrl(url)));
  }

  /**
   * A page's address: bare, no identifier in its path, no typed value. The origin is the shop's and
   * stays whole: a typed CVC "123" must not turn port 41231 into "4***1", an address no one can open.
   */
  url(url: string): string {
    const bare = pageUrl(url);
    const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(bare)?.[0] ?? '';
    return origin + this.typed.mask(bare.slice(origin.length));
  }

  /** One attribute of an element of tag `tag` (lower case), as rrweb serialises it. */
  attribute(name: string, value: string, tag: string): string {
    const key = name.toLowerCase();
    if (key === 'href') {
      if (tag === 'link' || tag === 'image' || tag === 'use') return bareUrl(value);
      return this.url(value);
    }
    if (PAGE_URL_ATTRIBUTES.has(key)) return this.url(value);
    if (ASSET_URL_ATTRIBUTES.has(key)) return bareUrl(value);
    if (SRCSET_ATTRIBUTES.has(key)) return bareSrcset(value);
    if (key === 'style' || key === '_csstext') return bareCssUrls(value);
    if (TEXT_ATTRIBUTES.has(key) || key.startsWith('aria-') || key.startsWith('data-')) {
      // `<meta property="og:url" content="…">`, `data-src="…"`: an address, kept bare.
      if (LOOKS_LIKE_URL.test(value) && !/\s/.test(value.trim())) return this.url(value);
      return this.text(value);
    }
    return value;
  }

  /** rrweb events, as recorded: see `events.ts`. */
  events(events: unknown[]): unknown[] {
    return maskEvents(events, this);
  }

  /** Vitals: the element each names (a CSS selector) may quote the page's words. */
  private vitals(vitals: Page['vitals']): Page['vitals'] {
    return Object.fromEntries(
      Object.entries(vitals).map(([name, v]) => [name, v.target === undefined ? v : { ...v, target: this.text(v.target) }]),
    );
  }

  page(page: Page): Page {
    return {
      ...page,
      url: this.url(page.url),
      title: this.text(page.title),
      vitals: this.vitals(page.vitals),
      ...(page.refinements ? { refinements: page.refinements.map((r) => ({ ...r, names: r.names.map((n) => this.text(n)) })) } : {}),
      autoTypeReasons: page.autoTypeReasons.map((r) => this.prose(r)),
      ...(page.landing?.overlay ? { landing: { ...page.landing, overlay: { ...page.landing.overlay, selector: this.text(page.landing.overlay.selector) } } } : {}),
      ...(page.checks ? { checks: { ...page.checks, ...Object.fromEntries(CHECK_TEXTS.map((k) => [k, this.text(page.checks![k])])) } } : {}),
    };
  }

  signal(signal: Signal): Signal {
    return {
      ...signal,
      ...(signal.selector === undefined ? {} : { selector: this.text(signal.selector) }),
      facts: Object.fromEntries(
        Object.entries(signal.facts).map(([k, v]) => [k, typeof v !== 'string' ? v : /url|source|href/i.test(k) ? this.url(v) : this.prose(v)]),
      ),
    };
  }

  audit(audit: AuditRecord): AuditRecord {
    const findings = (list: Finding[]) =>
      list.map((f) => ({
        ...f,
        nodes: f.nodes.map((n) => ({ selector: this.text(n.selector), html: this.prose(n.html), summary: this.prose(n.summary) })),
      }));
    const bare = <T extends { url: string }>(items: T[]) => items.map((i) => ({ ...i, url: this.url(i.url) }));
    const speed = audit.speed;
    return {
      ...audit,
      ...(audit.error === undefined ? {} : { error: this.prose(audit.error) }),
      ...(audit.accessibility
        ? { accessibility: { ...audit.accessibility, violations: findings(audit.accessibility.violations), incomplete: findings(audit.accessibility.incomplete) } }
        : {}),
      ...(speed
        ? {
            speed: {
              ...speed,
              vitals: this.vitals(speed.vitals),
              reasons: speed.reasons.map((r) => ({ ...r, fr: this.prose(r.fr), en: this.prose(r.en) })),
              resources: {
                ...speed.resources,
                largest: bare(speed.resources.largest),
                renderBlocking: bare(speed.resources.renderBlocking),
                oversizedImages: bare(speed.resources.oversizedImages),
                uncompressed: bare(speed.resources.uncompressed),
              },
            },
          }
        : {}),
    };
  }
}
