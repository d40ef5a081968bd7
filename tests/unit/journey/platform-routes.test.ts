/** The platform corpus's routes (tests/fixtures/platforms/routes.mjs) answer every manifest entry. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- the routes are plain JavaScript (the fixture server runs them with node).
import { platformFile as untyped } from '../../fixtures/platforms/routes.mjs';

const platformFile = untyped as (pathname: string, searchParams: URLSearchParams) => string | null;
const CORPUS = path.resolve(__dirname, '../../fixtures/platforms');

interface Entry {
  url: string;
  file: string;
}

const entries: { dir: string; entry: Entry }[] = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(CORPUS, d.name, 'pages.json')))
  .flatMap((d) => {
    const { pages } = JSON.parse(readFileSync(path.join(CORPUS, d.name, 'pages.json'), 'utf8')) as { pages: Entry[] };
    return pages.map((entry) => ({ dir: d.name, entry }));
  });

/** The request a browser sends for `url`: no hash, the path decoded as the shop's server decodes it. */
function request(url: string): [string, URLSearchParams] {
  const u = new URL(url, 'https://shop.example');
  return [decodeURIComponent(u.pathname), u.searchParams];
}

describe('platform corpus routes', () => {
  it('has manifests', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  it.each(entries.map(({ dir, entry }) => [`${dir} ${entry.url}`, dir, entry] as const))('resolves %s', (_name, dir, entry) => {
    const file = platformFile(...request(entry.url));
    expect(file).not.toBeNull();
    // Entries that differ only by their hash (Magento's #shipping and #payment) share the first one's file.
    const noHash = entry.url.replace(/#.*$/, '');
    const first = entries.find((e) => e.dir === dir && e.entry.url.replace(/#.*$/, '') === noHash);
    expect(path.relative(CORPUS, file ?? '')).toBe(path.join(dir, first?.entry.file ?? entry.file));
    expect(existsSync(path.join(CORPUS, dir, entry.file))).toBe(true);
  });

  it('ignores trailing slashes, accepts any site-search value and extra parameters, and prefers the most specific entry', () => {
    const search = entries.find((e) => /[?&](?:q|s)=/.test(e.entry.url));
    if (search) {
      const u = new URL(search.entry.url, 'https://shop.example');
      for (const key of ['q', 's']) if (u.searchParams.has(key)) u.searchParams.set(key, 'something else');
      u.searchParams.set('utm_source', 'mail');
      const pathname = u.pathname.endsWith('/') ? u.pathname.slice(0, -1) : `${u.pathname}/`;
      expect(path.basename(platformFile(decodeURIComponent(pathname), u.searchParams) ?? '')).toBe(search.entry.file);
    }
    // A parameter the entry names must be there with its value.
    const withParam = entries.find((e) => /\?(?!(?:q|s)=)[^=]+=/.test(e.entry.url) && !/[?&](?:q|s)=/.test(e.entry.url));
    if (withParam) {
      const [pathname, params] = request(withParam.entry.url);
      const key = [...params.keys()][0] ?? '';
      params.set(key, 'not-the-value');
      expect(platformFile(pathname, params)).not.toBe(path.join(CORPUS, withParam.dir, withParam.entry.file));
    }
    expect(platformFile('/platforms/nowhere/at-all', new URLSearchParams())).toBeNull();
  });
});
