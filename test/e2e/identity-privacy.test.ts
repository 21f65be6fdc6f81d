import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CIVIL, DEMO_CIVIL_ID_CARD } from '../support/demo-documents.ts';
import { startKioskRig, typeOnKeypad, type KioskRig } from '../support/kiosk-rig.ts';
import { privacySweep } from '../support/privacy-sweep.ts';

const CIVIL = DEMO_CIVIL;
const card = DEMO_CIVIL_ID_CARD;

let rig: KioskRig;
/** Every event the core pushed to the screen during these tests. */
const pushed: unknown[] = [];
beforeAll(async () => {
  rig = await startKioskRig({ ui: { idleSeconds: 5, idleWarningSeconds: 3 } });
  rig.kiosk.events.subscribe((event, payload) => void pushed.push({ event, payload }));
}, 60_000);
afterAll(async () => {
  if (!rig) return;
  // Teardown sweep: after every test here, nothing the kiosk wrote (database with WAL, logs,
  // caches) and nothing it pushed to the screen holds a demo civil number, name or card number.
  // The demo gateway's files stand in for the government's servers, which do know them.
  rig.kiosk.db.pragma('wal_checkpoint(PASSIVE)');
  const sweep = privacySweep({ dirs: [rig.dataDir], messages: pushed, exclude: (f) => f.includes('demo-gateway') });
  await rig.close();
  expect(sweep.files.some((f) => f.endsWith('kiosk.sqlite-wal'))).toBe(true);
  expect(sweep.messages).toBeGreaterThan(0);
  expect(sweep.findings).toEqual([]);
});

describe('identity: scan or type the civil number, and forget it when the visitor leaves', () => {
  it('a scanned civil ID shows the visitor\'s fines; after idle reset nothing of them remains anywhere', async () => {
    const page = await rig.newPage();
    await page.getByRole('button', { name: 'Start in English' }).tap();
    await page.getByTestId('section-inquiries').tap();
    await page.getByTestId('inquiry-trafficFines').tap();
    await expect.poll(() => page.getByTestId('reader-state').getAttribute('data-state')).toBe('online');

    await rig.kiosk.devices.simulators.idReader!.presentLines(card);
    await page.getByTestId('fines').waitFor();
    expect(await page.getByTestId('fines').textContent()).toContain('Speeding');
    expect(rig.kiosk.sessions.current?.identity?.nationalId).toBe(CIVIL);
    const shown = await page.evaluate(() => JSON.stringify((window as unknown as { __khidma: { state: unknown } }).__khidma.state));
    expect(shown).not.toContain(CIVIL); // the screen only ever holds the masked number
    expect(shown).toContain('••••');

    // The visitor walks away: warning with countdown, then a full reset.
    await page.getByTestId('idle-warning').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Start in English' }).waitFor({ timeout: 10_000 });
    const html = await page.content();
    expect(html).not.toContain('Speeding');
    expect(html).not.toContain(CIVIL.slice(-3) + '<');
    const state = await page.evaluate(() => (window as unknown as { __khidma: { state: { identity: { present: boolean }; stack: unknown[] } } }).__khidma.state);
    expect(state.identity).toEqual({ present: false });
    expect(state.stack).toEqual([{ name: 'attract' }]);
    await expect.poll(() => rig.kiosk.sessions.current).toBeUndefined();

    // Nothing on the kiosk's disk: database (with its WAL), logs, caches — in any encoding. The
    // demo gateway's files stand in for the government's servers, which do know civil numbers.
    rig.kiosk.db.pragma('wal_checkpoint(FULL)');
    const sweep = privacySweep({ dirs: [rig.dataDir], messages: pushed, exclude: (f) => f.includes('demo-gateway') });
    expect(sweep.files.some((f) => f.endsWith('kiosk.sqlite'))).toBe(true);
    expect(sweep.files.some((f) => f.endsWith('kiosk.log'))).toBe(true);
    expect(sweep.findings).toEqual([]);
    await page.close();
  });

  it('the keypad validates the civil number: a wrong check digit is refused with a clear message', async () => {
    const page = await rig.newPage();
    await page.getByRole('button', { name: 'Start in English' }).tap();
    await page.getByTestId('section-inquiries').tap();
    await page.getByTestId('inquiry-residency').tap();
    await typeOnKeypad(page, CIVIL.slice(0, 11) + ((Number(CIVIL[11]) + 1) % 10));
    await page.getByTestId('identify-continue').tap();
    await expect.poll(() => page.getByTestId('error').textContent()).toContain('check digit');
    await page.locator('.keypad [data-key="clear"]').tap();
    await typeOnKeypad(page, CIVIL);
    await page.getByTestId('identify-continue').tap();
    await expect.poll(() => page.getByTestId('status-result').getAttribute('data-status')).toBe('valid');
    await page.close();
  });

  it('a document from another country is named as such', async () => {
    const page = await rig.newPage();
    await page.getByRole('button', { name: 'ابدأ بالعربية' }).tap();
    await page.getByTestId('section-inquiries').tap();
    await page.getByTestId('inquiry-passport').tap();
    await rig.kiosk.devices.simulators.idReader!.present('bh-id');
    await expect.poll(() => page.getByTestId('error').textContent()).toContain('دولة أخرى');
    expect(rig.kiosk.sessions.current?.identity).toBeUndefined();
    await page.close();
  });
});
