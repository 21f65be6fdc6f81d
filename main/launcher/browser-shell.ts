import { createCoreGate, type BridgeCore, type CoreGate } from '../bridge/core-gate.ts';
import { startUiServer, type UiServer, type UiServerOptions } from '../server/ui-server.ts';
import { writePrivateFile } from './private-file.ts';

/** A browser kept on the kiosk UI (the Chromium watchdog). */
export interface KioskBrowser {
  stop(): Promise<void>;
}

/** The opened core, as far as the browser shell needs it. */
export interface OpenedCore extends BridgeCore {
  close(): Promise<void>;
}

export interface BrowserShellOptions<K extends OpenedCore> {
  /** The UI server's options, less the bridge's core: the shell passes a gate that waits for it. */
  ui: Omit<UiServerOptions, 'dispatcher' | 'events' | 'onLaunchTokenSpent'>;
  /** Starts the browser on fresh launch URLs; undefined when this process starts none (headless). */
  startBrowser: ((launchUrl: () => string) => KioskBrowser) | undefined;
  /** Headless: the owner-only file that always holds one unspent launch URL, for a browser in another process. */
  launchFile: string;
  /** Opens the core (database, devices, gateway): the slow part, run while the browser starts. */
  openCore: () => Promise<K>;
  /** Where the bridge waits for the core (tests pass their own to watch it). */
  gate?: CoreGate;
}

export interface BrowserShell<K extends OpenedCore> {
  readonly core: K;
  readonly ui: UiServer;
  readonly browser: KioskBrowser | undefined;
  readonly gate: CoreGate;
  close(): Promise<void>;
}

/**
 * The browser shell's start-up, in parallel rather than in series: the UI server (renderer files
 * and the bridge) listens first, the browser starts on it at once and loads the page, its
 * scripts and fonts while the core opens; the page's bridge calls wait at the gate and are
 * answered once the core is open. If the core does not open, the browser is stopped and the
 * server closed before the error is passed on.
 */
export async function startBrowserShell<K extends OpenedCore>(o: BrowserShellOptions<K>): Promise<BrowserShell<K>> {
  const gate = o.gate ?? createCoreGate();
  const headless = !o.startBrowser;
  const writeLaunchFile = () => writePrivateFile(o.launchFile, ui.launchUrl() + '\n');
  const ui = await startUiServer({
    ...o.ui,
    dispatcher: gate.dispatcher,
    events: gate.events,
    // Headless, the file always holds one unspent URL: the other process reads it at each browser launch.
    onLaunchTokenSpent: () => headless && writeLaunchFile(),
  });
  let browser: KioskBrowser | undefined;
  try {
    if (o.startBrowser) browser = o.startBrowser(() => ui.launchUrl());
    else writeLaunchFile();
    const core = await o.openCore();
    gate.open(core);
    return {
      core,
      ui,
      browser,
      gate,
      async close() {
        await browser?.stop();
        await ui.close();
        await core.close();
      },
    };
  } catch (err) {
    gate.fail();
    await browser?.stop();
    await ui.close();
    throw err;
  }
}
