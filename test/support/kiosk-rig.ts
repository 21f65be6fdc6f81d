import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createKiosk, type Kiosk } from '../../main/compose.ts';
import { parseConfig, type KioskConfigInput } from '../../main/config.ts';
import { startUiServer, type UiServer } from '../../main/server/ui-server.ts';
import { silentLogger } from '../../main/log/logger.ts';
import { openSerialTransport } from '../../drivers/transport/serial-transport.ts';
import { EPSON_TM_T88_80MM, EscPosSimulator } from '../../drivers/printer/index.ts';
import { createZvtSimulator, type ZvtTerminalSimulator } from '../../drivers/payment/zvt/index.ts';
import { createPtyPair, type PtyPair } from './pty-pair.ts';
import { launchChromium } from './chromium.ts';
import { tempDir } from './temp-dir.ts';

export interface KioskRig {
  kiosk: Kiosk;
  ui: UiServer;
  browser: Browser;
  printerSim: EscPosSimulator;
  terminalSim: ZvtTerminalSimulator;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The real core, its UI server and Chromium, with the printer and the payment terminal
 * simulators on the far ends of socat pseudo-terminal pairs: real serial links.
 */
export async function startKioskRig(overrides: KioskConfigInput = {}): Promise<KioskRig> {
  const dir = tempDir('e2e');
  const ptys: PtyPair[] = [await createPtyPair('printer'), await createPtyPair('terminal')];
  const [printerPty, terminalPty] = ptys as [PtyPair, PtyPair];
  const printerSim = new EscPosSimulator(await openSerialTransport({ path: printerPty.devicePath, baudRate: 115_200 }), EPSON_TM_T88_80MM);
  const terminalSim = createZvtSimulator(await openSerialTransport({ path: terminalPty.devicePath, baudRate: 9600 }), { password: '000000' });

  const kiosk = await createKiosk(
    parseConfig({
      dataDir: dir.path,
      connectivity: { probeIntervalMs: 200 },
      outbox: { baseMs: 100, capMs: 400 },
      ...overrides,
      devices: {
        printer: { link: 'serial', path: printerPty.hostPath, baudRate: 115_200 },
        terminal: { link: 'serial', path: terminalPty.hostPath, baudRate: 9600 },
        idReader: { link: 'simulator' },
      },
    }),
    { log: silentLogger },
  );
  const ui = await startUiServer({
    rootDir: fileURLToPath(new URL('../../dist/renderer/', import.meta.url)),
    port: 0,
    dispatcher: kiosk.dispatcher,
    events: kiosk.events,
    log: silentLogger,
  });
  const browser = await launchChromium();

  return {
    kiosk,
    ui,
    browser,
    printerSim,
    terminalSim,
    async newPage() {
      const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
      await page.goto(ui.url);
      return page;
    },
    async close() {
      await browser.close();
      await ui.close();
      await kiosk.close();
      printerSim.close();
      await terminalSim.close();
      for (const p of ptys) await p.close();
      dir.remove();
    },
  };
}

/** Types digits on the on-screen keypad, as a visitor would. */
export async function typeOnKeypad(page: Page, digits: string): Promise<void> {
  for (const d of digits) await page.locator(`.keypad [data-key="${d}"]`).tap();
}
