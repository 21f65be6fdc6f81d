import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createKiosk, type Kiosk } from '../../main/compose.ts';
import { parseConfig, type KioskConfigInput } from '../../main/config.ts';
import { startUiServer, type UiServer } from '../../main/server/ui-server.ts';
import { silentLogger } from '../../main/log/logger.ts';
import { openSerialTransport } from '../../drivers/transport/serial-transport.ts';
import { EPSON_TM_T88_80MM, EscPosSimulator } from '../../drivers/printer/index.ts';
import { createZvtSimulator, type ZvtSimulatorOptions, type ZvtTerminalSimulator } from '../../drivers/payment/zvt/index.ts';
import { createPtyPair, type PtyPair } from './pty-pair.ts';
import { launchChromium } from './chromium.ts';
import { tempDir } from './temp-dir.ts';
import { startDemoGateway } from '../../main/demo-gateway/server.ts';
import { privacySweep } from './privacy-sweep.ts';

export interface KioskRig {
  kiosk: Kiosk;
  ui: UiServer;
  browser: Browser;
  printerSim: EscPosSimulator;
  terminalSim: ZvtTerminalSimulator;
  /** The terminal's cable (pull it, plug it back, then attach the simulator again on its device path). */
  terminalPty: PtyPair;
  newPage(opts?: { locale?: string }): Promise<Page>;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real core, its UI server and Chromium, with the printer and the payment terminal
 * simulators on the far ends of socat pseudo-terminal pairs: real serial links. Serial devices
 * need a remote gateway and the kiosk's own ID and number (config rules), so the demo gateway
 * runs beside the kiosk as its own server; the kiosk runs in demo mode (the "DEMO" mark).
 */
export async function startKioskRig(overrides: KioskConfigInput = {}, terminal: ZvtSimulatorOptions = {}): Promise<KioskRig> {
  const dir = tempDir('e2e');
  const ptys: PtyPair[] = [await createPtyPair('printer'), await createPtyPair('terminal')];
  const [printerPty, terminalPty] = ptys as [PtyPair, PtyPair];
  const printerSim = new EscPosSimulator(await openSerialTransport({ path: printerPty.devicePath, baudRate: 115_200 }), EPSON_TM_T88_80MM);
  const terminalSim = createZvtSimulator(await openSerialTransport({ path: terminalPty.devicePath, baudRate: 9600 }), { password: '000000', ...terminal });

  const gateway = await startDemoGateway({ dbFile: dir.file('demo-gateway.sqlite'), profile: overrides.profile ?? 'KW' });
  const core = await createKiosk(
    parseConfig({
      demo: true,
      dataDir: dir.path,
      kioskId: 'KW-RIG-01',
      kioskNumber: 1,
      gateway: { mode: 'remote', url: gateway.url, timeoutMs: 8000 },
      connectivity: { probeIntervalMs: 200 },
      outbox: { baseMs: 100, capMs: 400 },
      ...overrides,
      devices: {
        printer: { link: 'serial', path: printerPty.hostPath, baudRate: 115_200 },
        terminal: { link: 'serial', path: terminalPty.hostPath, baudRate: 9600 },
        idReader: { link: 'simulator' },
      },
    }),
    // The real file logger: privacy tests read what it wrote.
  );
  // Tests reach the demo gateway where they would on embedded defaults.
  const kiosk: Kiosk = { ...core, demoGateway: gateway, close: () => core.close() };
  const ui = await startUiServer({
    rootDir: fileURLToPath(new URL('../../dist/renderer/', import.meta.url)),
    port: 0,
    dispatcher: kiosk.dispatcher,
    events: kiosk.events,
    log: silentLogger,
  });
  const browser = await launchChromium();
  // Every event the core pushes to the screen, for the privacy sweep at close.
  const pushed: unknown[] = [];
  kiosk.events.subscribe((event, payload) => void pushed.push({ event, payload }));

  return {
    kiosk,
    ui,
    browser,
    dataDir: dir.path,
    printerSim,
    terminalSim,
    terminalPty,
    async newPage(opts: { locale?: string } = {}) {
      const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true, ...(opts.locale && { locale: opts.locale }) });
      await page.goto(`${ui.launchUrl()}&debug=1`);
      return page;
    },
    async close() {
      // Privacy sweep on every e2e teardown: no demo civil number, name or card number in what the
      // kiosk wrote (database with WAL, logs, caches) or pushed to the screen. The demo gateway's
      // files stand in for the government's servers, which do know them.
      kiosk.db.pragma('wal_checkpoint(PASSIVE)');
      const sweep = privacySweep({ dirs: [dir.path], messages: pushed, exclude: (f) => f.includes('demo-gateway') });
      await browser.close();
      await ui.close();
      await kiosk.close();
      await gateway.close();
      printerSim.close();
      await terminalSim.close();
      for (const p of ptys) await p.close();
      dir.remove();
      if (sweep.findings.length > 0) throw new Error(`privacy sweep: ${sweep.findings.map((f) => `${f.label} in ${f.where} (${f.encoding})`).join('; ')}`);
    },
  };
}

/** Types digits on the on-screen keypad, as a visitor would. */
export async function typeOnKeypad(page: Page, digits: string): Promise<void> {
  for (const d of digits) await page.locator(`.keypad [data-key="${d}"]`).tap();
}

/** Types on the on-screen keyboard (its keys are buttons named by data-key), as a visitor would. */
export async function typeOnKeyboard(page: Page, text: string): Promise<void> {
  for (const ch of text) await page.locator(`.osk [data-key="${ch === ' ' ? '{space}' : ch}"]`).first().click();
}
