/** A file name part from a site's host: ASCII letters, digits, `_`, dots and dashes only, accents dropped. */
function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 60) || 'site'
  );
}

/** "mystere-shop.example-2026-11-24.html": the site and the visit's day, so files sort and read well. */
export function exportFileName(site: string, startedAt: number, extension: 'html' | 'zip', suffix?: string): string {
  const day = new Date(startedAt).toISOString().slice(0, 10);
  return `mystere-${slug(site)}-${day}${suffix ? `-${slug(suffix)}` : ''}.${extension}`;
}
