import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { ConfigError, type KioskConfig } from '../config.ts';
import type { Result } from '../contract/result.ts';
import { RestartBackoff } from '../launcher/restart-backoff.ts';
import { handleAppScheme, registerAppScheme, configErrorPage } from './app-protocol.ts';
import { CoreSupervisor, type ShellCore } from './core-supervisor.ts';
import { hardenWebContents } from './harden-contents.ts';
import { IPC_CALL, IPC_EVENT } from './ipc-channels.ts';
import { watchPage } from './page-recovery.ts';
import { APP_ENTRY, EXIT_CONFIG_ERROR, SHELL_SWITCHES, isAllowedRequest, isTrustedIpcCaller, permissionAllowed, windowOptions } from './rules.ts';

/** The parts of the electron module the shell uses: the real one, or the tests' recording fake. */
export type ShellElectron = Pick<typeof import('electron'), 'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'session' | 'powerSaveBlocker'>;

export interface ShellDeps {
  loadConfig: () => KioskConfig;
  /** `requestRestart`: a technician's restart (settings that apply at start-up) gets a fresh core. */
  openCore: (config: KioskConfig, opts: { requestRestart: (reason: string) => void }) => Promise<ShellCore>;
  rendererDir: string;
  preload: string;
  /** Touch kiosks hide the mouse pointer; a technician's test bench may want it. */
  hidePointer: boolean;
  /** Signals and uncaught errors arrive here (the real `process` in production). */
  process: { on(event: 'SIGTERM' | 'SIGINT' | 'uncaughtException' | 'unhandledRejection', fn: (err?: unknown) => void): unknown };
  log: (level: 'info' | 'warn' | 'error', msg: string, data?: Record<string, unknown>) => void;
  errorScreenMs?: number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  coreBackoff?: RestartBackoff;
  pageBackoff?: RestartBackoff;
}

export interface ShellHandle {
  readonly window: BrowserWindow;
  readonly supervisor: CoreSupervisor | undefined;
}

const UNAUTHORIZED: Result<never> = { ok: false, error: { code: 'unauthorized', message: 'unknown sender' } };
const RESTARTING: Result<never> = { ok: false, error: { code: 'internal', message: 'the kiosk core is restarting' } };

/**
 * The Electron shell, wired: every rule in rules.ts applied, the page served from khidma://,
 * the core supervised, and the core closed exactly once on quit, SIGTERM or SIGINT.
 */
export async function startShell(e: ShellElectron, d: ShellDeps): Promise<ShellHandle | undefined> {
  const { app } = e;
  const later = d.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  if (!app.requestSingleInstanceLock()) {
    d.log('warn', 'another kiosk shell is already running; this one quits');
    app.quit();
    return undefined;
  }
  app.enableSandbox();
  for (const [name, value] of SHELL_SWITCHES) app.commandLine.appendSwitch(name, value);
  registerAppScheme(e.protocol);
  const devTools = !app.isPackaged;
  let errorHtml: string | undefined;
  // Filled in as start-up proceeds; handlers registered before then read them late.
  const live: { win?: BrowserWindow; supervisor?: CoreSupervisor } = {};
  const audit = (action: string, detail: Record<string, unknown>) => {
    d.log('warn', action, detail);
    try {
      live.supervisor?.current?.audit(action, detail);
    } catch (err) {
      d.log('error', 'audit entry not written', { error: String(err) });
    }
  };
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (what, detail) => audit(`shell.blocked.${what}`, detail)));
  app.on('second-instance', () => live.win?.focus());

  let config: KioskConfig | undefined;
  let configProblem = '';
  try {
    config = d.loadConfig();
  } catch (err) {
    configProblem = (err as Error).message;
  }

  await app.whenReady();
  const ses = e.session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionAllowed(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => permissionAllowed(permission));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, { devTools }) }));
  // Every response also gets the policy here (the khidma:// handler sets it too). Written out in
  // full, not via shellContentSecurityPolicy(), so Electronegativity can read and grade it; a
  // test keeps the two identical.
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'none'; worker-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'",
        ],
      },
    }),
  );
  handleAppScheme(e.protocol, { rendererDir: d.rendererDir, errorPage: () => errorHtml, hidePointer: d.hidePointer });

  const window = new e.BrowserWindow(windowOptions({ preload: d.preload, devTools }));
  live.win = window;
  window.once('ready-to-show', () => window.show());
  const contents = window.webContents;
  contents.on('did-finish-load', () => void contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined));
  app.on('window-all-closed', () => app.quit());

  const failConfig = async (message: string) => {
    errorHtml = configErrorPage(message);
    d.log('error', 'configuration error; showing the error screen, then exiting', { exitCode: EXIT_CONFIG_ERROR });
    await window.loadURL(APP_ENTRY).catch(() => undefined);
    later(() => app.exit(EXIT_CONFIG_ERROR), d.errorScreenMs ?? 60_000);
    return { window, supervisor: undefined };
  };
  if (!config) return failConfig(configProblem);
  const kioskConfig = config;

  let unsubscribe = () => {};
  let loaded = false;
  // The window is one connection: it owns the visitor sessions it starts (payment events are scoped to them).
  const connection: { id: string; sessionId?: string } = { id: 'electron-window' };
  const sup = new CoreSupervisor({
    create: () => d.openCore(kioskConfig, { requestRestart: (reason) => void sup.restart(reason).catch((err) => d.log('error', 'core restart failed', { error: String(err) })) }),
    backoff: d.coreBackoff,
    onError: (msg, err) => d.log('error', msg, { error: String(err) }),
    onStarted: (core) => {
      unsubscribe();
      unsubscribe = core.events.subscribe((name, payload, scope) => {
        if (scope && scope.sessionId !== connection.sessionId) return;
        if (!window.isDestroyed()) window.webContents.send(IPC_EVENT, name, payload);
      });
      // A restarted core: the page starts again from the attract screen on the new one.
      if (loaded && !window.isDestroyed()) void window.loadURL(APP_ENTRY).catch(() => undefined);
    },
  });
  live.supervisor = sup;

  e.ipcMain.handle(IPC_CALL, (event: IpcMainInvokeEvent, method: unknown, params: unknown) => {
    const frame = event.senderFrame;
    const caller = { senderId: event.sender.id, frame: frame ? { url: frame.url, isMainFrame: frame.parent === null } : null };
    if (!isTrustedIpcCaller(caller, window.isDestroyed() ? undefined : window.webContents.id)) {
      audit('shell.blocked.ipc', {});
      return UNAUTHORIZED;
    }
    return sup.current?.dispatcher.dispatch(method, params, { connection }) ?? RESTARTING;
  });
  watchPage(window, { audit, backoff: d.pageBackoff, setTimeout: d.setTimeout, clearTimeout: d.clearTimeout });
  const onCoreFailure = (err?: unknown) => {
    d.log('error', 'the kiosk core failed; restarting it', { error: String(err) });
    void sup.restart(String((err as Error | undefined)?.name ?? 'error')).catch((e2) => d.log('error', 'core restart failed', { error: String(e2) }));
  };
  d.process.on('uncaughtException', onCoreFailure);
  d.process.on('unhandledRejection', onCoreFailure);

  const blocker = e.powerSaveBlocker.start('prevent-display-sleep');
  let closed = false;
  let closing: Promise<void> | undefined;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault(); // quit again once the core (payments, database) has closed cleanly
    closing ??= (async () => {
      unsubscribe();
      if (e.powerSaveBlocker.isStarted(blocker)) e.powerSaveBlocker.stop(blocker);
      await sup.close().catch((err) => d.log('error', 'closing the core', { error: String(err) }));
      closed = true;
      app.quit();
    })();
  });
  d.process.on('SIGTERM', () => app.quit());
  d.process.on('SIGINT', () => app.quit());

  try {
    await sup.start();
  } catch (err) {
    if (err instanceof ConfigError) return failConfig(err.message);
    return { window, supervisor: sup }; // shutting down before the core was up: before-quit finishes it
  }
  await window.loadURL(APP_ENTRY).catch((err) => d.log('error', 'the kiosk page did not load', { error: String(err) }));
  loaded = true;
  return { window, supervisor: sup };
}
