import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

// The house rules live in eslint.config.js; this runs them through ESLint's Node API, once on small
// snippets placed (virtually) in each folder to prove every rule fires, and once on the whole tree.
const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });
const HOUSE_RULES = new Set(['no-restricted-imports', 'max-lines']);

async function houseFindings(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).filter((m) => HOUSE_RULES.has(m.ruleId ?? '')).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('house rules as lint', () => {
  it.each([
    ['drivers/ importing main/', 'drivers/payment/fixture.ts', "import { x } from '../../main/identity/index.ts';\nexport { x };\n", 'drivers/ imports nothing from main/'],
    ['drivers/ importing renderer/', 'drivers/printer/sim/fixture.ts', "export { x } from '../../../renderer/src/format.ts';\n", 'drivers/ imports nothing from renderer/'],
    ['renderer/ importing a core module', 'renderer/src/screens/fixture.tsx', "import type { Store } from '../../../main/store/db.ts';\nexport type S = Store;\n", 'only main/contract/ and main/shared/'],
    ['renderer/ importing drivers/', 'renderer/src/fixture.ts', "import type { PaymentProgress } from '../../drivers/payment/terminal.ts';\nexport type P = PaymentProgress;\n", 'renderer/ imports nothing from drivers/'],
    ['main/contract/ importing drivers/', 'main/contract/fixture.ts', "export type { PaymentProgressCode } from '../../drivers/payment/terminal.ts';\n", 'main/contract/ imports nothing from drivers/'],
    ['main/shared/ importing a core module', 'main/shared/fixture.ts', "export { openDatabase } from '../store/database.ts';\n", 'main/shared/ imports only main/shared/ and main/contract/'],
    ['main/shared/catalogue/ importing a core module', 'main/shared/catalogue/fixture.ts', "export { CatalogueStore } from '../../catalogue/catalogue-store.ts';\n", 'main/shared/ imports only main/shared/ and main/contract/'],
    ['main/shared/ importing a Node built-in', 'main/shared/fixture.ts', "export { readFileSync } from 'node:fs';\n", 'no Node built-ins'],
    ['electron outside the shell', 'renderer/src/fixture.ts', "import { app } from 'electron';\nexport { app };\n", 'Only main/shell/ may import electron'],
  ])('%s is an error', async (_name, file, code, message) => {
    const findings = await houseFindings(code, file);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toContain(message);
  });

  it.each([
    ['renderer/ importing the contract', 'renderer/src/fixture.ts', "import type { Money } from '../../main/contract/api.ts';\nexport type M = Money;\n"],
    ['renderer/ importing shared code', 'renderer/src/screens/fixture.tsx', "export { formatMinor } from '../../../main/shared/money.ts';\n"],
    ['main/shared/catalogue/ importing shared code and the contract', 'main/shared/catalogue/fixture.ts', "export { formatMinor } from '../money.ts';\nexport type { Money } from '../../contract/api.ts';\n"],
    ['main/ importing drivers/', 'main/devices/fixture.ts', "export { makeKuwaitCivilNumber } from '../../drivers/idreader/civil-number.ts';\n"],
    ['the shell importing electron', 'main/shell/fixture.ts', "import { app } from 'electron';\nexport { app };\n"],
  ])('%s is allowed', async (_name, file, code) => {
    expect(await houseFindings(code, file)).toEqual([]);
  });

  it('a file over 400 lines is an error, one of 400 is not', async () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';
    expect(await houseFindings(lines(400), 'main/store/fixture.ts')).toEqual([]);
    const findings = await houseFindings(lines(401), 'main/store/fixture.ts');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^max-lines: .*401.*400/);
  });

  it('the tree keeps every house rule', async () => {
    const results = await eslint.lintFiles(['.']);
    const broken = results.flatMap((r) =>
      r.messages.filter((m) => HOUSE_RULES.has(m.ruleId ?? '')).map((m) => `${r.filePath.slice(root.length)}:${m.line} ${m.message}`),
    );
    expect(results.length).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  }, 180_000);
});
