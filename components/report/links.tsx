import type { ComponentChildren } from 'preact';

/**
 * The URL itself when it is a web address (http or https), else undefined. Anything else from the
 * model (`javascript:`, `data:`, a relative path) must never become a link in the report.
 */
export function webUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link to a web page outside the report, or, for anything that is not a web address, plain text. */
export function ExternalLink({ href, children }: { href: string | undefined; children: ComponentChildren }) {
  const safe = webUrl(href);
  if (!safe) return <span class="link-text">{children}</span>;
  return (
    <a class="external-link" href={safe} rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** A URL from the audited site, shown as text (never a link: the report sends no one to the site). */
export function UrlText({ url }: { url: string }) {
  return <span class="url">{url}</span>;
}
