import type { Plugin } from 'vite';

const BUGGY = /Element: \[\s*"shadowRoot",\s*"querySelector",\s*"querySelectorAll"\s*\]/;

/**
 * @rrweb/utils lists `querySelector` and `querySelectorAll` as property *getters* of Element. They are
 * methods, so its "is this prototype untainted?" check always fails, and on every recorded page rrweb
 * appends a hidden iframe to the shop's document to borrow clean prototypes: a DOM write in the
 * shopper's page and about 8 ms of main-thread time per page view (measured with `npm run bench` and
 * a CPU profile). Upstream fix: rrweb-io/rrweb PR #1802. This moves the two names to the methods list,
 * where the check is right. The build fails if the code it fixes changes, so the patch cannot rot.
 */
export function rrwebUntaintedFix(): Plugin {
  return {
    name: 'mystere:rrweb-untainted-fix',
    transform(code, id) {
      // @rrweb/record ships rrweb and its utils bundled in one file.
      if (!/[\\/]@rrweb[\\/](record[\\/]dist[\\/]record|utils[\\/]dist[\\/]utils)\.js$/.test(id)) return undefined;
      if (!BUGGY.test(code)) {
        throw new Error('@rrweb/utils changed: check whether rrweb-untainted-fix is still needed (rrweb PR #1802).');
      }
      return code
        .replace(BUGGY, 'Element: ["shadowRoot"]')
        .replace(/((?:var|const) testableMethods = \{[^}]*?Element: )\[\]/, '$1["querySelector", "querySelectorAll"]');
    },
  };
}
