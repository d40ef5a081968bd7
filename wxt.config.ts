import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { rrwebUntaintedFix } from './scripts/build/rrweb-untainted-fix';

/**
 * Two builds differ only in host permissions:
 * - the store build asks for each site at "Start visit" (optional host permissions);
 * - the automation build (`--mode automation`) has them granted up front, for tests, the headless
 *   `npm start` and the bench, which cannot click a permission prompt.
 */
export default defineConfig({
  imports: false,
  // Firefox's reviewers rebuild from the sources zip: leave out what is local to a machine.
  zip: { excludeSources: ['start-output/**', 'bench-results/**', '.vitest-results.json', '.output/**'] },
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact(), rrwebUntaintedFix()],
    build: {
      // rrweb's CSS parser holds a raw U+FFFE; Chrome refuses a content script that is not plain UTF-8.
      rolldownOptions: { output: { charset: 'ascii' } },
      // For `npm run profile` only: maps beside the scripts, named by no script.
      ...(process.env.MYSTERE_SOURCEMAP === '1' ? { sourcemap: 'hidden' as const } : {}),
    },
  }),
  manifest: ({ browser, mode }) => {
    const automation = mode === 'automation';
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      // activeTab: Chrome captures a tab's picture only with it (or <all_urls>); the toolbar button
      // and the shortcut grant it. webRequest: failed requests of the visit's tabs (observed only).
      // webNavigation: which documents the visit's tabs showed, and when, even where no recorder
      // started (no new warning: "tabs" already reads the browsing history).
      permissions: [
        'storage',
        'unlimitedStorage',
        'tabs',
        'scripting',
        'activeTab',
        'webRequest',
        'webNavigation',
        ...(browser === 'firefox' ? [] : ['sidePanel']),
      ],
      host_permissions: automation ? ['<all_urls>'] : [],
      optional_host_permissions: automation ? [] : ['<all_urls>'],
      action: { default_title: '__MSG_actionTitle__' },
      commands: {
        'take-screenshot': {
          suggested_key: { default: 'Alt+Shift+S' },
          description: '__MSG_commandScreenshot__',
        },
      },
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'mystere@mystere.app',
                strict_min_version: '128.0',
                data_collection_permissions: { required: ['none'] },
              },
            },
          }
        : { minimum_chrome_version: '116' }),
    };
  },
});
