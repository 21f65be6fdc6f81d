import tseslint from 'typescript-eslint';

// House rules as lint (test/lint/house-rules.test.ts proves each one fires). Flat config replaces a
// rule's options per folder rather than merging them, so every folder's import rule is built here
// from the same base and always keeps the electron restriction.
const electronOnlyInShell = { name: 'electron', message: 'Only main/shell/ may import electron.' };
const importRules = (patterns = [], paths = [electronOnlyInShell]) => ['error', { paths, patterns }];
// An import specifier whose path, after any ./ and ../ steps, enters a top-level folder.
const into = (folder, except = []) => `^(\\.\\.?/)*${folder}/${except.length ? `(?!(${except.join('|')})/)` : ''}`;
const HOUSE_IMPORTS = {
  drivers: [
    { regex: into('main'), message: 'drivers/ imports nothing from main/ (main may import drivers, never the reverse).' },
    { regex: into('renderer'), message: 'drivers/ imports nothing from renderer/.' },
  ],
  renderer: [
    { regex: into('main', ['contract', 'shared']), message: 'renderer/ imports from main/ only main/contract/ and main/shared/ (pure code shared by core and screen).' },
    { regex: into('drivers'), message: 'renderer/ imports nothing from drivers/: it talks to devices through the contract.' },
  ],
  contract: [{ regex: into('drivers'), message: 'main/contract/ imports nothing from drivers/: spell the type out in the contract.' }],
};
// main/shared/ runs in the screen too: it imports only itself, the contract and browser-safe packages.
const SHARED_PURE = (depth) => [
  { regex: `^(\\.\\./){${depth}}(?!(contract|shared)/)`, message: 'main/shared/ imports only main/shared/ and main/contract/: the screen runs it too.' },
  { regex: '^node:', message: 'main/shared/ runs in the screen too: no Node built-ins.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench-results/**', 'test-output/**', 'release/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // The core is plain Node: only the Electron shell folder may import electron.
      'no-restricted-imports': importRules(),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Small files named for what they hold.
      'max-lines': ['error', { max: 400 }],
    },
  },
  { files: ['main/shell/**'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['drivers/**'], rules: { 'no-restricted-imports': importRules(HOUSE_IMPORTS.drivers) } },
  { files: ['renderer/**'], rules: { 'no-restricted-imports': importRules(HOUSE_IMPORTS.renderer) } },
  { files: ['main/contract/**'], rules: { 'no-restricted-imports': importRules(HOUSE_IMPORTS.contract) } },
  { files: ['main/shared/*.ts'], rules: { 'no-restricted-imports': importRules(SHARED_PURE(1)) } },
  { files: ['main/shared/*/*.ts'], rules: { 'no-restricted-imports': importRules(SHARED_PURE(2)) } },
  {
    // RTL: inline styles in the screens use logical properties only (the CSS is checked by test/renderer/logical-properties.test.ts).
    files: ['renderer/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='style'] Property[key.name=/^(margin|padding|border)(Left|Right)|^(left|right)$/]",
          message: 'Use logical properties (marginInlineStart, insetInlineEnd, …): the kiosk is right-to-left first.',
        },
        {
          selector: "JSXAttribute[name.name='style'] Property[key.name=/^(textAlign|float)$/][value.value=/^(left|right)$/]",
          message: 'Use start/end (or inline-start/inline-end), not left/right.',
        },
        {
          selector: "JSXAttribute[name.name='style'] Literal[value=/(margin|padding|border)-(left|right)|(^|[;\\s])(left|right)\\s*:|(text-align|float)\\s*:\\s*(left|right)/]",
          message: 'Use logical properties in inline styles: the kiosk is right-to-left first.',
        },
      ],
    },
  },
);
