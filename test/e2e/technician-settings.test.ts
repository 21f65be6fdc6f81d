import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskRig, type KioskRig } from '../support/kiosk-rig.ts';
import { openTechnicianTab, signInTechnician } from '../support/technician.ts';
import { DEMO_TECHNICIAN } from '../../main/technician/demo-mode.ts';
import { AuditRepo } from '../../main/store/audit-repo.ts';
import { auditAllModes } from '../renderer/support/axe-audit.ts';
import { typeOnKioskKeyboard } from '../support/keyboard-typing.ts';

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
    await openTechnicianTab(page, DEMO_TECHNICIAN.pin, 'settings', 'settings-history');
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

  it('identity and connection on the kiosk keyboard: location and gateway changed, restart pending, the diff audited, one rollback restores them', async () => {
    const page = await rig.newPage();
    await openTechnicianTab(page, DEMO_TECHNICIAN.pin, 'settings', 'tech-site');
    const latest = () => (rig.kiosk.db.prepare('SELECT MAX(id) AS id FROM config_versions').get() as { id: number }).id;
    const before = latest();
    const gatewayUrl = rig.kiosk.config.gateway.mode === 'remote' ? rig.kiosk.config.gateway.url : '';
    expect(await page.getByTestId('site-gatewayUrl-value').textContent()).toBe(gatewayUrl);
    expect(await page.getByTestId('site-restart-pending').count()).toBe(0);
    const edit = async (field: string, text: string) => {
      await page.getByTestId(`site-${field}-change`).tap();
      // The kiosk's own keyboard, never the system's.
      expect(await page.getByTestId(`site-${field}-input`).getAttribute('inputmode')).toBe('none');
      await page.getByTestId(`site-${field}-clear`).tap();
      await typeOnKioskKeyboard(page, `site-${field}-input-keyboard`, text);
      expect(await page.getByTestId(`site-${field}-input`).inputValue()).toBe(text);
      await page.getByTestId(`site-${field}-done`).tap();
    };
    await edit('locationEn', 'The Avenues');
    await edit('locationAr', 'الأفنيوز');
    // Plain HTTP off the kiosk is refused on the screen already, in words, and what was typed stays.
    await edit('gatewayUrl', 'http://gw.lab/');
    expect(await page.getByTestId('site-gatewayUrl-error').textContent()).toContain('https://');
    expect(await page.getByTestId('site-gatewayUrl-value').textContent()).toContain('http://gw.lab/');
    // Save refuses too, and brings the field back with its keyboard and the reason.
    await page.getByTestId('site-save').tap();
    await page.getByTestId('site-gatewayUrl-input').waitFor();
    expect(await page.getByTestId('site-gatewayUrl-error').textContent()).toContain('https://');
    expect(latest()).toBe(before);
    await page.getByTestId('site-gatewayUrl-clear').tap();
    await typeOnKioskKeyboard(page, 'site-gatewayUrl-input-keyboard', 'http://127.0.0.1:9/');
    await page.getByTestId('site-gatewayUrl-done').tap();
    expect(await page.getByTestId('site-gatewayUrl-error').count()).toBe(0);
    await page.getByTestId('site-save').tap();
    await expect.poll(() => page.getByTestId('site-note').textContent(), { timeout: 10_000 }).toContain(`version ${before + 1}`);

    // Saved, not applied: the screen says a restart is pending; the kiosk still runs on the old values.
    expect(await page.getByTestId('site-restart-pending').textContent()).toMatch(/Restart pending/);
    expect(rig.kiosk.config.location.en).toBe('Government Mall - Kuwait City');
    const row = await page.getByTestId(`settings-version-${before + 1}`).textContent();
    expect(row).toContain('location.en: Government Mall - Kuwait City → The Avenues');
    expect(row).toContain(`gatewayUrl: ${gatewayUrl} → http://127.0.0.1:9/`);
    const changed = new AuditRepo(rig.kiosk.db).recent(20, 'tech.settingsChanged')[0]!;
    expect(changed.actor).toBe(DEMO_TECHNICIAN.name);
    expect(changed.detail).toMatchObject({ version: before + 1, appliesAtRestart: true });
    expect(changed.detail!.diff).toEqual([
      { path: 'location.ar', from: 'مجمع الوزارات الحكومي - الكويت', to: 'الأفنيوز' },
      { path: 'location.en', from: 'Government Mall - Kuwait City', to: 'The Avenues' },
      { path: 'gatewayUrl', from: gatewayUrl, to: 'http://127.0.0.1:9/' },
    ]);

    await page.getByTestId('tech-site').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: 'test-output/tech-site-en.png' });
    await page.getByTestId('tech-language').tap();
    await page.getByTestId('site-restart-pending').waitFor();
    await page.getByTestId('tech-site').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: 'test-output/tech-site-ar.png' });
    await page.getByTestId('site-locationAr-change').tap();
    await page.getByTestId('site-locationAr-input').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: 'test-output/tech-site-keyboard-ar.png' });
    await page.getByTestId('site-locationAr-done').tap();
    expect((await auditAllModes(page, 'technician identity and connection', { still: '[data-testid="tech-site"]' })).findings).toEqual([]);

    // One touch back to the last version that worked: the old values, nothing pending.
    await page.getByTestId('settings-rollback').tap();
    await expect.poll(() => page.getByTestId('site-restart-pending').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.getByTestId('site-locationEn-value').textContent()).toBe('Government Mall - Kuwait City');
    expect(await page.getByTestId('site-gatewayUrl-value').textContent()).toBe(gatewayUrl);
    const back = new AuditRepo(rig.kiosk.db).recent(20, 'tech.settingsRolledBack')[0]!;
    expect(back.detail).toMatchObject({ version: before + 2 });
    expect(back.detail!.diff).toEqual(expect.arrayContaining([{ path: 'gatewayUrl', from: 'http://127.0.0.1:9/', to: gatewayUrl }]));
    await page.getByTestId('tech-exit').tap();
    await page.getByTestId('attract').waitFor({ timeout: 10_000 });
  }, 150_000);
});
