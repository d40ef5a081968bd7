/** What Mystère writes to the downloads folder. */
export type FileExtension = 'html' | 'zip' | 'json';

/** A file name part: ASCII letters, digits, `_`, dots and dashes only, accents dropped (`fallback` if nothing is left). */
function slug(text: string, fallback = 'site'): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 60) || fallback
  );
}

/**
 * "mystere-shop.example-2026-11-24.html": the site and the visit's day (UTC), so files sort and read
 * well; a suffix (a review status) is added after the day. Every file of a visit is named here.
 */
export function exportFileName(site: string, startedAt: number, extension: FileExtension, suffix?: string): string {
  const day = new Date(startedAt).toISOString().slice(0, 10);
  return `mystere-${slug(site)}-${day}${suffix ? `-${slug(suffix)}` : ''}.${extension}`;
}

/** A file named after a thing rather than a visit (a checklist's id), made safe the same way. */
export function safeFileName(name: string, extension: FileExtension): string {
  return `${slug(name, 'mystere')}.${extension}`;
}
