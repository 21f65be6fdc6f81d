import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench-results/**', 'test-output/**', 'release/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // The core is plain Node: only the Electron shell folder may import electron.
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main/shell/ may import electron.' }] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['main/shell/**'], rules: { 'no-restricted-imports': 'off' } },
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
