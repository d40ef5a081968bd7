import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noBrowserApis = {
  paths: [{ name: 'wxt/browser', message: 'Pure code takes the browser as a parameter; only entrypoints/ use extension APIs.' }],
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/fixtures/**', 'bench-results/**', 'start-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  // Layer rules: utils/ is the pure core; components/ are props-only views.
  {
    files: ['utils/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noBrowserApis,
          patterns: [
            { group: ['**/entrypoints/**', '**/components/**'], message: 'utils/ never imports entrypoints/ or components/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noBrowserApis,
          patterns: [
            { group: ['**/entrypoints/**', '**/utils/db/**'], message: 'components/ take data as props; they do not read storage.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'chrome', 'browser', 'indexedDB'],
    },
  },
);
