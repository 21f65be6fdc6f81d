import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKioskRig, typeOnKeypad, type KioskRig } from '../support/kiosk-rig.ts';
import { signInTechnician } from '../support/technician.ts';
import { openSerialTransport } from '../../drivers/transport/serial-transport.ts';
import { createZvtSimulator, type ZvtTerminalSimulator } from '../../drivers/payment/zvt/index.ts';
import { DEMO_TECHNICIAN } from '../../main/technician/demo-mode.ts';

/** A terminal cable that can be pulled and plugged back: socat pseudo-terminals at fixed paths. */
function terminalCable() {
  const dir = mkdtempSync(join(tmpdir(), 'khidma-cable-'));
  const host = join(dir, 'host');
  const device = join(dir, 'device');
  let proc: ChildProcess | undefined;
  let sim: ZvtTerminalSimulator | undefined;
  return {
    host,
    async plug() {
      proc = spawn('socat', [`pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${device}`], { stdio: 'ignore' });
      const end = Date.now() + 5000;
      while (!(existsSync(host) && existsSync(device))) {
        if (Date.now() > end) throw new Error('socat did not start');
        await new Promise((r) => setTimeout(r, 20));
      }
      sim = createZvtSimulator(await openSerialTransport({ path: device, baudRate: 9600 }), { password: '000000' });
    },
    async unplug() {
      await sim?.close();
      if (proc && proc.exitCode === null) {
        const exited = new Promise((r) => proc!.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const WITH_ONE_FINE = '290110200001';

describe('service requirements: the terminal unplugged and plugged back', () => {
  let rig: KioskRig;
  const cable = terminalCable();
  beforeAll(async () => {
    rig = await startKioskRig();
    await cable.plug();
    // The terminal moves to the pullable cable (what a technician's assignment does).
    await rig.kiosk.devices.reassign('terminal', { link: 'serial', path: cable.host, baudRate: 9600 });
    await rig.kiosk.devices.terminal.open();
  }, 60_000);
  afterAll(async () => {
    await rig?.close();
    await cable.unplug();
    cable.remove();
  });

  it('payment services show unavailable with the reason, inquiries still work; the technician sees why, registers, and payments are back', async () => {
    const serviceOk = (id: string) => rig.kiosk.technician.appState.current.services.find((s) => s.id === id)?.available;
    expect(serviceOk('payBills')).toBe(true);
    const page = await rig.newPage();
    await page.getByRole('button', { name: 'Start in English' }).tap();
    expect(await page.getByTestId('section-payments').isEnabled()).toBe(true);

    await cable.unplug();
    await expect.poll(() => serviceOk('payBills'), { timeout: 20_000 }).toBe(false);
    // The payments section stays (a reprint needs only the printer); inside it, what needs the terminal is off.
    await page.getByTestId('section-payments').tap();
    const bill = page.getByTestId('pay-electricityWater');
    await expect.poll(() => bill.getAttribute('data-unavailable'), { timeout: 10_000 }).toBe('hardware');
    expect(await bill.isDisabled()).toBe(true);
    expect(await bill.textContent()).toContain('Not available now: a device is not working');
    for (const id of ['trafficFines', 'telephone', 'zakat']) expect(await page.getByTestId(`pay-${id}`).isDisabled()).toBe(true);
    expect(await page.getByTestId('pay-reprint').isEnabled()).toBe(true);
    await page.screenshot({ path: 'test-output/tech-services-unavailable-en.png' });
    await page.getByTestId('nav-back').tap();
    // The core refuses too, whatever a screen shows.
    expect(await rig.kiosk.dispatcher.dispatch('payment.start', { payableIds: ['x'] }, { connection: { id: 'ws-1' } })).toMatchObject({ ok: false, error: { code: 'deviceUnavailable' } });

    // Inquiries are not affected.
    expect(await page.getByTestId('section-inquiries').isEnabled()).toBe(true);
    await page.getByTestId('section-inquiries').tap();
    await page.getByTestId('inquiry-residency').tap();
    await typeOnKeypad(page, WITH_ONE_FINE);
    await page.getByTestId('identify-continue').tap();
    await expect.poll(() => page.getByTestId('status-result').getAttribute('data-status'), { timeout: 15_000 }).toBe('expiringSoon');
    await page.getByTestId('nav-start-over').tap();
    await page.getByTestId('attract').waitFor();

    // The technician sees which requirement failed, plugs the cable back, registers the terminal.
    await signInTechnician(page, DEMO_TECHNICIAN.pin);
    await page.getByTestId('tech-root').waitFor();
    const pay = page.getByTestId('tech-service-payBills');
    expect(await pay.getAttribute('data-available')).toBe('false');
    expect(await pay.textContent()).toContain('جهاز الدفع');
    await page.screenshot({ path: 'test-output/tech-services-failed-ar.png' });
    await cable.plug();
    await page.getByTestId('tech-tab-devices').tap();
    await expect.poll(() => page.getByTestId('tech-test-terminal-register').isEnabled()).toBe(true);
    // The port comes back on its own (reconnecting transport); registration is the technician's touch.
    await expect.poll(() => rig.kiosk.devices.terminal.status().detail ?? rig.kiosk.devices.terminal.status().device, { timeout: 20_000 }).not.toBe('linkLost');
    await page.getByTestId('tech-test-terminal-register').tap();
    await expect.poll(() => page.getByTestId('tech-result-terminal').getAttribute('data-code'), { timeout: 30_000 }).toBe('registered');
    await expect.poll(() => serviceOk('payBills'), { timeout: 10_000 }).toBe(true);
    await page.getByTestId('tech-exit').tap();

    await page.getByRole('button', { name: 'Start in English' }).tap();
    await page.getByTestId('section-payments').tap();
    await expect.poll(() => page.getByTestId('pay-electricityWater').isEnabled(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByTestId('pay-electricityWater').getAttribute('data-unavailable')).toBeNull();
  }, 180_000);
});
