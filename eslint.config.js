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
);
