import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { FleetConsole } from '../../main/fleet-console/console.ts';
import { startConsoleServer, type ConsoleServer } from '../../main/fleet-console/server.ts';
import { launchChromium } from '../support/chromium.ts';
import { seededConsole } from '../support/fleet-seed.ts';
import { tempDir } from '../support/temp-dir.ts';
import { injectAxe, WCAG_TAGS } from '../renderer/support/axe-audit.ts';
import { readFileSync } from 'node:fs';
import { packDiagnostics } from '../../main/fleet/diagnostics-wire.ts';
import { DIAGNOSTICS_FILES, type DiagnosticsFile } from '../../main/technician/diagnostics.ts';

/**
 * The fleet console's page in Chromium, as an operator uses it: sign in, the fleet, a kiosk,
 * alerts, statistics and the audit log, in Arabic and English; axe-core on each; screenshots
 * at desktop size in test-output/fleet/ for a person to look at.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../test-output/fleet/', import.meta.url));
let dir: ReturnType<typeof tempDir>;
let c: FleetConsole;
let server: ConsoleServer;
let browser: Browser;

async function signIn(lang: 'ar' | 'en', who: 'supervisor' | 'viewer' = 'supervisor'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${server.url}?lang=${lang}`);
  await page.locator('input[name=name]').fill(who);
  await page.locator('input[name=password]').fill(`${who}-pass-123`);
  await page.locator('button[type=submit]').click();
  await page.locator('.tile').first().waitFor();
  return page;
}

async function axe(page: Page): Promise<string[]> {
  await injectAxe(page);
  return page.evaluate(async (tags) => {
    const w = window as unknown as { axe: { run: (d: Document, o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, [...WCAG_TAGS]);
}

beforeAll(async () => {
  if (!existsSync(`${ROOT}dist/fleet/index.html`)) execFileSync('npx', ['vite', 'build', '-c', 'vite.fleet.config.ts', '--logLevel', 'warn'], { cwd: ROOT });
  mkdirSync(SHOTS, { recursive: true });
  dir = tempDir('fleet-page');
  c = seededConsole(dir.path);
  c.auth.setUser('supervisor', 'supervisor', 'supervisor-pass-123');
  c.auth.setUser('viewer', 'viewer', 'viewer-pass-123');
  // One diagnostics bundle from a kiosk, as it arrives over the broker (the pages below show it).
  const files = Object.fromEntries(DIAGNOSTICS_FILES.map((f) => [f, f === 'logs.jsonl' ? '' : JSON.stringify({ file: f })])) as Record<DiagnosticsFile, string>;
  const packed = await packDiagnostics(() => ({ name: 'khidma-diagnostics-BH-ISATOWN-02-2026-03-01T08-30-00-000Z', files, bytes: 0, droppedLogLines: 0 }), { kiosk: 'BH-ISATOWN-02', trigger: 'console', now: new Date() });
  if (packed.ok) c.handle('khidma/BH/ISATOWN/BH-ISATOWN-02/diagnostics', packed.payload);
  server = await startConsoleServer(c, { port: 0, staticDir: `${ROOT}dist/fleet` });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  c?.db.close();
  dir?.remove();
});

describe('fleet console page', () => {
  it('refuses the API without a session and a wrong password', async () => {
    expect((await fetch(`${server.url}api/fleet`)).status).toBe(401);
    const bad = await fetch(`${server.url}api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'viewer', password: 'nope-nope' }) });
    expect(bad.status).toBe(401);
    const form = await fetch(`${server.url}api/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=viewer&password=viewer-pass-123' });
    expect(form.status).toBe(400);
    expect(c.auth.auditLog().some((e) => e.action === 'login.failed')).toBe(true);
  });

  for (const lang of ['ar', 'en'] as const) {
    it(`every page is axe-clean and looks right in ${lang}`, async () => {
      const login = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await login.goto(`${server.url}?lang=${lang}`);
      await login.locator('input[name=name]').waitFor();
      expect(await axe(login)).toEqual([]);
      await login.screenshot({ path: `${SHOTS}login-${lang}.png` });
      await login.close();

      const page = await signIn(lang);
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, lang === 'ar' ? 'rtl' : 'ltr']);
      // Worst first: the offline kiosk and the one out of paper lead the list.
      const first = await page.locator('.tile').first().getAttribute('class');
      expect(first).toContain('h-red');
      expect(await page.locator('.tile').count()).toBe(24);
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}fleet-${lang}.png`, fullPage: true });

      await page.getByRole('button', { name: lang === 'ar' ? 'ورق منخفض أو نافد' : 'Paper low or out' }).click();
      expect(await page.locator('.tile').count()).toBe(2);
      await page.getByRole('button', { name: lang === 'ar' ? 'ورق منخفض أو نافد' : 'Paper low or out' }).click();

      await page.goto(`${server.url}?lang=${lang}#/kiosk/BH-ISATOWN-02`);
      await page.locator('#kiosk-h').waitFor();
      await page.locator('text=printer:paperOut').waitFor();
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}kiosk-${lang}.png`, fullPage: true });

      await page.goto(`${server.url}?lang=${lang}#/alerts`);
      await page.locator('#alerts-h').waitFor();
      await page.locator('tbody tr').first().waitFor();
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}alerts-${lang}.png` });

      await page.goto(`${server.url}?lang=${lang}#/stats`);
      await page.locator('table.stats').waitFor();
      expect(await page.locator('table.stats tbody tr').count()).toBeGreaterThan(3);
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}stats-${lang}.png`, fullPage: true });

      await page.goto(`${server.url}?lang=${lang}#/audit`);
      await page.locator('#audit-h').waitFor();
      await page.locator('tbody tr').first().waitFor();
      expect(await axe(page)).toEqual([]);
      await page.close();
    }, 120_000);
  }

  it('a viewer sees no remote commands and no audit log', async () => {
    const page = await signIn('en', 'viewer');
    await page.goto(`${server.url}?lang=en#/kiosk/KW-GOVMALL-01`);
    await page.locator('#kiosk-h').waitFor();
    expect(await page.getByRole('button', { name: 'Put out of service' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await page.close();
  });

  it("a supervisor downloads a kiosk's diagnostics bundle from its page; a viewer sees no bundles", async () => {
    const [bundle] = c.diagnostics.list('BH-ISATOWN-02');
    expect(bundle).toBeDefined();
    const page = await signIn('en');
    await page.goto(`${server.url}?lang=en#/kiosk/BH-ISATOWN-02`);
    const link = page.getByTestId('diagnostics').getByRole('link', { name: 'Download' });
    await link.waitFor();
    expect(await page.getByTestId('diagnostics').textContent()).toContain('supervisor, from the console');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`${bundle!.name}.json.gz`);
    expect(readFileSync((await download.path())!).equals(c.diagnostics.read('BH-ISATOWN-02', bundle!.id)!.gz)).toBe(true);
    expect(c.auth.auditLog().some((e) => e.action === 'diagnostics.download' && e.user === 'supervisor' && e.kiosk === 'BH-ISATOWN-02')).toBe(true);
    await page.close();

    const viewer = await signIn('en', 'viewer');
    await viewer.goto(`${server.url}?lang=en#/kiosk/BH-ISATOWN-02`);
    await viewer.locator('#kiosk-h').waitFor();
    expect(await viewer.getByTestId('diagnostics').count()).toBe(0);
    expect((await viewer.request.get(`${server.url}api/kiosks/BH-ISATOWN-02/diagnostics/${bundle!.id}`)).status()).toBe(403);
    await viewer.close();
  });

  it('the open page follows the fleet: a death arriving at the console shows within one refresh', async () => {
    const page = await signIn('en', 'viewer');
    const tile = page.locator('.tile', { hasText: 'KW-GOVMALL-01' });
    await expect(tile.getAttribute('class')).resolves.toContain('h-green');
    const death = { v: 1, kiosk: 'KW-GOVMALL-01', bdSeq: 3, online: false, at: null, app: { state: 'unavailable', reason: 'lost' }, devices: [], connectivity: null, outbox: null, flaggedPayments: null, version: 'sim', heartbeatS: null, uptimeS: null, disk: null, memory: null };
    c.handle('khidma/KW/GOVMALL/KW-GOVMALL-01/status', Buffer.from(JSON.stringify(death)));
    const at = Date.now();
    await page.locator('.tile.h-red', { hasText: 'KW-GOVMALL-01' }).waitFor({ timeout: 10_000 });
    expect(Date.now() - at).toBeLessThanOrEqual(2000 + 1500); // one 2 s poll, plus a loaded machine's slack
    expect(await page.locator('.tile', { hasText: 'KW-GOVMALL-01' }).textContent()).toContain('Offline');
    await page.close();
  });

  it('CSV export downloads the statistics table', async () => {
    const page = await signIn('en');
    const res = await page.request.get(`${server.url}api/stats.csv?period=month&anchor=${new Date().toISOString().slice(0, 10)}&by=entity&lang=en`);
    expect(res.headers()['content-type']).toContain('text/csv');
    const text = await res.text();
    expect(text.split('\r\n')[0]).toContain('group,label,currency');
    expect(text).toContain('Ministry of Interior - Traffic');
    await page.close();
  });
});
