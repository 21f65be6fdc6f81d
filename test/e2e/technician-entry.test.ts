import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startKioskRig, typeOnKeypad, type KioskRig } from '../support/kiosk-rig.ts';
import { tempDir } from '../support/temp-dir.ts';
import { cornerGesture } from '../support/technician.ts';
import { auditAllModes } from '../renderer/support/axe-audit.ts';
import { DEMO_TECHNICIAN } from '../../main/technician/demo-mode.ts';
import { AuditRepo } from '../../main/store/audit-repo.ts';

const techState = (rig: KioskRig) => rig.kiosk.technician.appState.current.state;

describe('technician entry: hidden gesture, PIN pad, maintenance state, exit', () => {
  let rig: KioskRig;
  const data = tempDir('tech-entry');
  beforeAll(async () => {
    rig = await startKioskRig({ dataDir: data.path, technician: { lockoutBaseSeconds: 600, idleSeconds: 600, extraPorts: [] } });
  }, 60_000);
  afterAll(async () => {
    await rig?.close();
    data.remove();
  });

  it('five corner taps open the PIN pad; the demo PIN signs in; the kiosk is in maintenance; exit returns to attract with nothing left', async () => {
    const page = await rig.newPage({ locale: 'en' });
    await page.getByTestId('attract').waitFor();
    // Four taps are not the gesture, nor five taps anywhere else.
    for (let i = 0; i < 4; i++) await page.touchscreen.tap(20, 24);
    await page.touchscreen.tap(540, 900);
    for (let i = 0; i < 4; i++) await page.touchscreen.tap(20, 24);
    expect(await page.getByTestId('tech-pin').count()).toBe(0);

    await cornerGesture(page);
    await page.getByTestId('tech-pin').waitFor();
    const pinAudit = await auditAllModes(page, 'technician PIN pad', { still: '[data-testid="tech-pin"]' });
    expect(pinAudit.findings).toEqual([]);
    await typeOnKeypad(page, DEMO_TECHNICIAN.pin);
    await page.screenshot({ path: 'test-output/tech-pin-ar.png' });
    // The PIN never appears on screen: only dots.
    expect(await page.getByTestId('tech-pin').textContent()).not.toContain(DEMO_TECHNICIAN.pin);
    await page.getByTestId('tech-pin-submit').tap();
    await page.getByTestId('tech-root').waitFor();
    expect(techState(rig)).toBe('maintenance');
    expect(await page.getByTestId('tech-kiosk-state').getAttribute('data-state')).toBe('maintenance');
    await page.screenshot({ path: 'test-output/tech-overview-ar.png' });
    const rootAudit = await auditAllModes(page, 'technician overview', { still: '[data-testid="tech-root"]' });
    expect(rootAudit.findings).toEqual([]);

    // A second page (say, a visitor's) can neither start a journey nor call technician methods.
    const other = await rig.newPage();
    const refused = await other.evaluate(async () => {
      const w = window as unknown as { kiosk?: unknown };
      return w.kiosk === undefined;
    });
    expect(refused).toBe(true);
    expect(await rig.kiosk.dispatcher.dispatch('session.start', { locale: 'ar' }, { connection: { id: 'ws-999' } })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await other.close();

    await page.getByTestId('tech-exit').tap();
    await page.getByTestId('attract').waitFor();
    expect(techState(rig)).toBe('available');
    const html = await page.content();
    for (const trace of [DEMO_TECHNICIAN.name, 'data-testid="tech-']) expect(html).not.toContain(trace);
    const actions = new AuditRepo(rig.kiosk.db).recent(20).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['tech.login', 'tech.logout']));
    await page.close();
  }, 90_000);

  it('five wrong PINs lock entry, and it is still locked after the kiosk restarts', async () => {
    let page: Page = await rig.newPage({ locale: 'en' });
    await page.getByTestId('attract').waitFor();
    await cornerGesture(page);
    await page.getByTestId('tech-pin').waitFor();
    for (let i = 0; i < 5; i++) {
      await typeOnKeypad(page, '111111');
      await page.getByTestId('tech-pin-submit').tap();
      // The attract screen is Arabic, with Arabic plurals: 4, 3, two (dual), one, then locked.
      await expect.poll(() => page.getByTestId('tech-pin-message').textContent(), { timeout: 15_000 }).toContain(['4 محاولات', '3 محاولات', 'محاولتان', 'محاولة واحدة', 'الدخول مقفل'][i]);
    }
    expect(await page.getByTestId('tech-pin-submit').isDisabled()).toBe(true);
    // Even the right PIN is refused now, by the core.
    expect(await rig.kiosk.dispatcher.dispatch('tech.login', { pin: DEMO_TECHNICIAN.pin }, { connection: { id: 'ws-x' } })).toMatchObject({ ok: false, error: { code: 'locked' } });
    await page.close();

    await rig.close();
    rig = await startKioskRig({ dataDir: data.path, technician: { lockoutBaseSeconds: 600, idleSeconds: 600, extraPorts: [] } });
    page = await rig.newPage({ locale: 'en' });
    await page.getByTestId('attract').waitFor();
    await cornerGesture(page);
    await page.getByTestId('tech-pin').waitFor();
    // The pad asks the core on opening: locked, with the wait counting down; the keypad types nothing.
    await typeOnKeypad(page, DEMO_TECHNICIAN.pin);
    expect(await page.getByTestId('tech-pin-dots').textContent()).toBe('—');
    expect(await page.getByTestId('tech-pin-submit').isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('tech-pin-message').textContent(), { timeout: 15_000 }).toMatch(/مقفل.*\d+ ثانية/);
    expect(await rig.kiosk.dispatcher.dispatch('tech.entry', {}, { connection: { id: 'ws-x' } })).toMatchObject({ ok: true, value: { locked: true } });
    expect(await page.getByTestId('tech-root').count()).toBe(0);
    expect(techState(rig)).toBe('available');
  }, 120_000);
});
