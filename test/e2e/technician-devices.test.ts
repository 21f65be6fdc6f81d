import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskRig, type KioskRig } from '../support/kiosk-rig.ts';
import { createPtyPair, type PtyPair } from '../support/pty-pair.ts';
import { signInTechnician } from '../support/technician.ts';
import { openSerialTransport } from '../../drivers/transport/serial-transport.ts';
import { EPSON_TM_T88_80MM, EscPosSimulator } from '../../drivers/printer/index.ts';
import { DEMO_TECHNICIAN } from '../../main/technician/demo-mode.ts';
import { AuditRepo } from '../../main/store/audit-repo.ts';
import { auditAllModes } from '../renderer/support/axe-audit.ts';

describe('technician devices: re-assign the printer to another port while the kiosk runs', () => {
  let rig: KioskRig;
  let spare: PtyPair;
  let newPrinter: EscPosSimulator;
  beforeAll(async () => {
    // The replacement printer, on a port the kiosk has never used.
    spare = await createPtyPair('spare-printer');
    newPrinter = new EscPosSimulator(await openSerialTransport({ path: spare.devicePath, baudRate: 115_200 }), EPSON_TM_T88_80MM);
    rig = await startKioskRig({ technician: { idleSeconds: 600, lockoutBaseSeconds: 60, extraPorts: [spare.hostPath] } });
  }, 60_000);
  afterAll(async () => {
    await rig?.close();
    newPrinter?.close();
    await spare?.close();
  });

  it('lists the port, probes it as a printer, applies it live, prints the test page there (PNG shown), all audited', async () => {
    const page = await rig.newPage();
    await page.getByTestId('attract').waitFor();
    await signInTechnician(page, DEMO_TECHNICIAN.pin);
    await page.getByTestId('tech-root').waitFor();
    await page.getByTestId('tech-language').tap(); // English for the technician
    await page.getByTestId('tech-tab-ports').tap();
    const row = page.getByTestId(`tech-port-${spare.hostPath.replace(/[^A-Za-z0-9]/g, '-')}`);
    await row.waitFor();
    await row.getByTestId('tech-probe').tap();
    await expect.poll(() => row.getByTestId('tech-probe-result').getAttribute('data-proposed'), { timeout: 20_000 }).toBe('printer');
    expect(await row.getByTestId('profile-epson-tm-t88-80mm').getAttribute('aria-pressed')).toBe('true');
    await row.getByTestId('line-baudRate-115200').tap();
    await row.getByTestId('line-rtscts-false').tap();
    await page.screenshot({ path: 'test-output/tech-ports-en.png' });
    const { findings } = await auditAllModes(page, 'technician ports', { still: '[data-testid="tech-root"]' });
    expect(findings).toEqual([]);
    await row.getByTestId('tech-apply').tap();
    await row.getByTestId('tech-port-assigned').waitFor({ timeout: 20_000 });
    expect(rig.kiosk.devices.links().printer).toMatchObject({ link: 'serial', path: spare.hostPath, baudRate: 115_200 });
    expect(rig.kiosk.devices.printerProfile()).toBe('epson-tm-t88-80mm');

    await page.getByTestId('tech-tab-devices').tap();
    await expect.poll(() => page.getByTestId('tech-device-printer-state').getAttribute('data-state'), { timeout: 20_000 }).toBe('online');
    expect(await page.getByTestId('tech-device-printer-link').textContent()).toContain(spare.hostPath);
    const oldJobs = rig.printerSim.jobs.length;
    await page.getByTestId('tech-test-printer-page').tap();
    await expect.poll(() => page.getByTestId('tech-result-printer').getAttribute('data-code'), { timeout: 30_000 }).toBe('printed');
    expect(newPrinter.cuts).toBe(1);
    expect(newPrinter.decodedText().join('\n')).toContain('0123456789');
    expect(newPrinter.qrCodes()[0]).toMatch(/^KHIDMA-TEST /);
    expect(rig.printerSim.jobs.length).toBe(oldJobs);
    await page.screenshot({ path: 'test-output/tech-devices-en.png', fullPage: true });
    expect((await auditAllModes(page, 'technician devices', { still: '[data-testid="tech-root"]' })).findings).toEqual([]);

    const actions = new AuditRepo(rig.kiosk.db).recent(50).filter((a) => a.actor === DEMO_TECHNICIAN.name).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['tech.login', 'tech.probe', 'tech.assign', 'tech.printerTest']));
    await page.getByTestId('tech-exit').tap();
    await page.getByTestId('attract').waitFor();
  }, 150_000);
});
