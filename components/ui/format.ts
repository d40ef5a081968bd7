import { hashRoute } from '../../utils/privacy/urls';
/** "1 h 02 min", "3 min 05 s", "12 s": durations as people read them. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(sec).padStart(2, '0')} s`;
  return `${sec} s`;
}

/** A date and time in the interface language. */
export function formatDateTime(epochMs: number, lang: string): string {
  return new Date(epochMs).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Host and path of a URL (and a hash-routed shop's route), for lists where the whole URL is too long. */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}${u.search}${hashRoute(url) ? u.hash : ''}`;
  } catch {
    return url;
  }
}
