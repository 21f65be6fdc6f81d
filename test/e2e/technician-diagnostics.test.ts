import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startKioskRig, typeOnKeyboard, type KioskRig } from '../support/kiosk-rig.ts';
import { tempDir } from '../support/temp-dir.ts';
import { openTechnicianTab } from '../support/technician.ts';
import { DEMO_CIVIL, DEMO_CIVIL_ID_CARD } from '../support/demo-documents.ts';
import { DEMO_TECHNICIAN } from '../../main/technician/demo-mode.ts';
import { auditAllModes } from '../renderer/support/axe-audit.ts';
import { demoPeople } from '../../main/demo-gateway/seed.ts';
import { SPECIMENS, parseMrz } from '../../drivers/idreader/index.ts';
import { DEFAULT_SIM_CARD } from '../../drivers/payment/zvt-sim/rules.ts';
import { gunzipSync } from 'node:zlib';
import type { FleetConsole } from '../../main/fleet-console/console.ts';
import { startMosquitto, type Broker } from '../support/mosquitto.ts';
import { kioskFleetConfig, startConsole } from '../support/fleet-rig.ts';
import { privacySweep } from '../support/privacy-sweep.ts';

describe('diagnostics bundle to removable media and to the operations centre: no personal data in it', () => {
  let rig: KioskRig;
  // The kiosk's fleet link: the repo's Mosquitto (TLS, ACL) and a console, as in production.
  let broker: Broker;
  let fleetConsole: FleetConsole;
  const fleetDir = tempDir('e2e-fleet');
  const media = tempDir('media');
  const stick = join(media.path, 'KHIDMA-USB');
  beforeAll(async () => {
    mkdirSync(stick);
    broker = await startMosquitto({ dir: fleetDir.file('broker'), users: ['fleet-console', 'KW-RIG-01'] });
    fleetConsole = await startConsole(broker, fleetDir.file('console'));
    rig = await startKioskRig({
      technician: { idleSeconds: 600, lockoutBaseSeconds: 60, extraPorts: [], mediaRoots: [media.path] },
      fleet: kioskFleetConfig(broker, fleetDir.path, 'KW-RIG-01'),
    });
  }, 60_000);
  afterAll(async () => {
    await rig?.close();
    await fleetConsole?.close();
    await broker?.stop();
    fleetDir.remove();
    media.remove();
  });

  it('after a visitor scanned an ID and paid a fine by card: the log viewer filters and searches, the bundle holds none of the demo civil numbers, names or card numbers', async () => {
    // A visitor's journey puts a civil number, a name and a card through the kiosk.
    const page = await rig.newPage();
    await page.getByRole('button', { name: 'Start in English' }).tap();
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-trafficFines').tap();
    await expect.poll(() => page.getByTestId('reader-state').getAttribute('data-state')).toBe('online');
    await rig.kiosk.devices.simulators.idReader!.presentLines(DEMO_CIVIL_ID_CARD);
    await page.getByTestId('fines').waitFor({ timeout: 20_000 });
    await page.getByTestId('pay-fines').tap();
    await page.getByTestId('pay').tap();
    await page.locator('main.result').waitFor({ timeout: 30_000 });
    expect(await page.locator('main.result').getAttribute('data-state')).toBe('approved');
    await page.getByTestId('nav-start-over').tap();

    await openTechnicianTab(page, DEMO_TECHNICIAN.pin, 'logs', 'log-lines');
    await expect.poll(() => page.getByTestId('log-lines').locator('li').count()).toBeGreaterThan(0);
    await page.getByTestId('log-level-error').tap();
    await expect.poll(async () => (await page.getByTestId('log-lines').locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-level')))).every((l) => l === 'error')).toBe(true);
    await page.getByTestId('log-level-debug').tap();
    await page.getByTestId('log-search').tap();
    await typeOnKeyboard(page, 'started');
    await expect.poll(() => page.getByTestId('log-lines').textContent()).toContain('kiosk: started');
    await page.screenshot({ path: 'test-output/tech-logs-en.png' });
    expect((await auditAllModes(page, 'technician logs', { still: '[data-testid="tech-root"]' })).findings).toEqual([]);

    await page.getByTestId('diagnostics-write').tap();
    await page.getByTestId('diagnostics-written').waitFor({ timeout: 20_000 });
    const [bundle] = readdirSync(stick);
    expect(bundle).toMatch(/^khidma-diagnostics-KW-RIG-01-/);
    const files = readdirSync(join(stick, bundle!));
    expect(files).toEqual(expect.arrayContaining(['manifest.json', 'config.json', 'devices.json', 'state.json', 'outbox.json', 'journal.json', 'logs.jsonl', 'settings.json']));
    const all = files.map((f) => readFileSync(join(stick, bundle!, f), 'utf8')).join('\n');
    expect(JSON.parse(readFileSync(join(stick, bundle!, 'journal.json'), 'utf8'))).toEqual(expect.arrayContaining([expect.objectContaining({ state: 'approved', count: 1 })]));
    // The visitor's journey is in the logs, as events without their data.
    expect(readFileSync(join(stick, bundle!, 'logs.jsonl'), 'utf8')).toMatch(/document read[\s\S]*delivered/);

    const civilNumbers = [DEMO_CIVIL, ...demoPeople('KW').map((p) => p.nationalId), ...Object.values(SPECIMENS).flatMap((s) => s.expect.nationalId?.id ?? [])];
    const names = Object.values(SPECIMENS)
      .flatMap((s) => {
        const r = parseMrz(s.lines);
        return r.ok ? [r.document.surname, r.document.givenNames] : [];
      })
      .filter((n) => n.length > 2)
      .concat(['AL FULANI', 'SALEM AHMAD']);
    const cards = [DEFAULT_SIM_CARD.maskedPan, `*${DEFAULT_SIM_CARD.maskedPan.slice(-4)}`];
    for (const secret of [...civilNumbers, ...names, ...cards, '000000']) expect(all, secret).not.toContain(secret);
    expect(new Set(names).size).toBeGreaterThanOrEqual(3);

    // Beside the stick: the same bundle to the operations centre, while the fleet link is up.
    const send = page.getByTestId('diagnostics-send');
    await expect.poll(() => send.getAttribute('data-link')).toBe('connected');
    await send.tap();
    await page.getByTestId('diagnostics-sent').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('diagnostics-sent').getAttribute('data-ok')).toBe('true');
    const [stored] = fleetConsole.diagnostics.list('KW-RIG-01');
    expect(stored).toMatchObject({ trigger: 'technician', droppedLogLines: 0 });
    const received = gunzipSync(fleetConsole.diagnostics.read('KW-RIG-01', stored!.id)!.gz).toString('utf8');
    expect(received).toMatch(/document read[\s\S]*delivered/);
    for (const secret of [...civilNumbers, ...names, ...cards, '000000']) expect(received, secret).not.toContain(secret);
    expect(privacySweep({ dirs: [], messages: [received] }).findings).toEqual([]);
    await page.screenshot({ path: 'test-output/tech-diagnostics-sent-en.png' });

    // The link goes down: the button stays, disabled, with the reason beside it.
    await broker.stop();
    await expect.poll(() => send.getAttribute('data-link'), { timeout: 20_000 }).toBe('offline');
    expect(await send.isDisabled()).toBe(true);
    expect(await page.getByTestId('diagnostics-send-why').textContent()).toContain('Not connected to the operations centre');
    await page.getByTestId('tech-language').tap();
    await expect.poll(() => page.getByTestId('diagnostics-send-why').textContent()).toContain('لا اتصال بمركز العمليات');
    await page.screenshot({ path: 'test-output/tech-diagnostics-offline-ar.png' });
    await page.getByTestId('tech-exit').tap();
  }, 150_000);
});
