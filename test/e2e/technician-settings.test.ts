import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskRig, type KioskRig } from '../support/kiosk-rig.ts';
import { signInTechnician } from '../support/technician.ts';
import { DEMO_TECHNICIAN } from '../../main/technician/demo-mode.ts';
import { AuditRepo } from '../../main/store/audit-repo.ts';
import { auditAllModes } from '../renderer/support/axe-audit.ts';

const SECRET = '482913';

describe('settings with history: a change, then one-touch rollback, audited with the diff', () => {
  let rig: KioskRig;
  beforeAll(async () => {
    rig = await startKioskRig({ paymentTerminal: { password: SECRET } }, { password: SECRET });
  }, 60_000);
  afterAll(async () => rig?.close());

  it('switches queue tickets off (version 2, the service is unavailable), rolls back (version 3), never shows the secret', async () => {
    const ticketOk = () => rig.kiosk.technician.appState.current.services.find((s) => s.id === 'ticket')?.available;
    expect(ticketOk()).toBe(true);
    const page = await rig.newPage();
    await page.getByTestId('attract').waitFor();
    await signInTechnician(page, DEMO_TECHNICIAN.pin);
    await page.getByTestId('tech-root').waitFor();
    await page.getByTestId('tech-language').tap();
    await page.getByTestId('tech-tab-settings').tap();
    await page.getByTestId('settings-history').waitFor();
    expect(await page.getByTestId('setting-secret').textContent()).toContain('set (never shown)');

    await page.getByTestId('setting-service-ticket').tap();
    await page.getByTestId('setting-idleSeconds-more').tap();
    await page.getByTestId('settings-save').tap();
    await expect.poll(() => page.getByTestId('settings-note').textContent(), { timeout: 10_000 }).toContain('version 2');
    const v2 = await page.getByTestId('settings-version-2').textContent();
    expect(v2).toContain(DEMO_TECHNICIAN.name);
    expect(v2).toContain('idleSeconds: 60 → 70');
    expect(v2).toMatch(/enabledServices: .*Queue tickets.* → /);
    expect(ticketOk()).toBe(false);
    await page.screenshot({ path: 'test-output/tech-settings-en.png', fullPage: true });
    const { findings } = await auditAllModes(page, 'technician settings', { still: '[data-testid="tech-root"]' });
    expect(findings).toEqual([]);

    await page.getByTestId('settings-rollback').tap();
    await expect.poll(() => page.getByTestId('settings-note').textContent(), { timeout: 10_000 }).toContain('version 3');
    expect(await page.getByTestId('settings-version-3').textContent()).toContain('idleSeconds: 70 → 60');
    expect(ticketOk()).toBe(true);

    const audit = new AuditRepo(rig.kiosk.db).recent(50).filter((a) => a.action.startsWith('tech.settings'));
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      [DEMO_TECHNICIAN.name, 'tech.settingsRolledBack'],
      [DEMO_TECHNICIAN.name, 'tech.settingsChanged'],
    ]);
    expect(audit[1]!.detail).toMatchObject({ version: 2, diff: expect.arrayContaining([{ path: 'idleSeconds', from: 60, to: 70 }]) });
    expect(audit[0]!.detail).toMatchObject({ version: 3, diff: expect.arrayContaining([{ path: 'idleSeconds', from: 70, to: 60 }]) });

    // The secret is nowhere a screen can see it.
    expect(await page.content()).not.toContain(SECRET);
    await page.getByTestId('tech-exit').tap();
    await page.getByTestId('attract').waitFor();
    const conn = { connection: { id: 'ws-settings' } };
    expect(await rig.kiosk.dispatcher.dispatch('tech.login', { pin: DEMO_TECHNICIAN.pin }, conn)).toMatchObject({ ok: true });
    const settings = await rig.kiosk.dispatcher.dispatch('tech.settings', {}, conn);
    expect(settings).toMatchObject({ ok: true, value: { settings: { terminalPassword: { set: true } } } });
    expect(JSON.stringify(settings)).not.toContain(SECRET);

    // Nothing offered at all: the attract screen becomes the out-of-service screen (both languages);
    // the corner gesture still lets a technician in to put it right.
    expect(await rig.kiosk.dispatcher.dispatch('tech.saveSettings', { idleSeconds: 60, idleWarningSeconds: 20, enabledServices: [], openingHours: null }, conn)).toMatchObject({ ok: true });
    await rig.kiosk.dispatcher.dispatch('tech.logout', {}, conn);
    await page.getByTestId('out-of-service').waitFor({ timeout: 10_000 });
    expect(rig.kiosk.technician.appState.current).toMatchObject({ state: 'unavailable', reason: 'internal' });
    expect(await rig.kiosk.dispatcher.dispatch('session.start', { locale: 'en' }, { connection: { id: 'ws-visitor' } })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await page.screenshot({ path: 'test-output/tech-out-of-service.png' });
    expect((await auditAllModes(page, 'out of service', { still: '[data-testid="out-of-service"]' })).findings).toEqual([]);
    await signInTechnician(page, DEMO_TECHNICIAN.pin);
    await page.getByTestId('tech-root').waitFor();
    await page.getByTestId('tech-tab-settings').tap();
    await page.getByTestId('settings-rollback').tap();
    await page.getByTestId('settings-note').waitFor();
    await page.getByTestId('tech-exit').tap();
    await page.getByTestId('attract').waitFor({ timeout: 10_000 });
    expect(rig.kiosk.technician.appState.current.state).toBe('available');
  }, 150_000);
});
