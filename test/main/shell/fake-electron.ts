import { EventEmitter } from 'node:events';
import type { ShellElectron } from '../../../main/shell/kiosk-shell.ts';

/**
 * A stand-in for the `electron` module that records what the shell registers and lets a test
 * fire the events Electron would (navigation, crash, quit). Only what the shell uses.
 */
export interface Recorded {
  singleInstanceLock: boolean;
  sandboxEnabled: boolean;
  switches: [string, string | undefined][];
  privilegedSchemes: { scheme: string; privileges?: Record<string, boolean> }[];
  handlers: Map<string, (req: { url: string }) => Promise<Response> | Response>;
  permissionRequest?: (wc: unknown, permission: string, cb: (granted: boolean) => void, details?: unknown) => void;
  permissionCheck?: (wc: unknown, permission: string, origin: string, details?: unknown) => boolean;
  devicePermission?: (details: unknown) => boolean;
  beforeRequest?: (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
  headersReceived?: (details: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void;
  ipc: Map<string, (event: unknown, ...args: unknown[]) => unknown>;
  windows: FakeWindow[];
  powerSave: { started: number[]; stopped: number[] };
  quitRequests: number;
  quit: boolean;
  exitCode: number | undefined;
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler?: (d: { url: string }) => { action: string };
  zoomLimits: [number, number] | undefined;
  sent: unknown[][] = [];
  crashes = 0;
  readonly mainFrame = { url: 'khidma://app/index.html', parent: null };
  constructor(readonly id: number) {
    super();
  }
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = h;
  }
  setVisualZoomLevelLimits(min: number, max: number) {
    this.zoomLimits = [min, max];
    return Promise.resolve();
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  forcefullyCrashRenderer() {
    this.crashes++;
  }
  /** Fires an event Electron would, with a preventable event object; says whether it was prevented. */
  fire(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export class FakeWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  loads: string[] = [];
  shown = false;
  focused = 0;
  destroyed = false;
  constructor(
    readonly options: Record<string, unknown>,
    id: number,
  ) {
    super();
    this.webContents = new FakeWebContents(id);
  }
  loadURL(url: string) {
    this.loads.push(url);
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  show() {
    this.shown = true;
  }
  focus() {
    this.focused++;
  }
}

export function createFakeElectron(o: { lock?: boolean; packaged?: boolean } = {}): { electron: ShellElectron; rec: Recorded; app: EventEmitter } {
  const rec: Recorded = {
    singleInstanceLock: false,
    sandboxEnabled: false,
    switches: [],
    privilegedSchemes: [],
    handlers: new Map(),
    ipc: new Map(),
    windows: [],
    powerSave: { started: [], stopped: [] },
    quitRequests: 0,
    quit: false,
    exitCode: undefined,
  };
  const app = Object.assign(new EventEmitter(), {
    isPackaged: o.packaged ?? true,
    commandLine: { appendSwitch: (name: string, value?: string) => void rec.switches.push([name, value]) },
    requestSingleInstanceLock: () => ((rec.singleInstanceLock = true), o.lock ?? true),
    enableSandbox: () => void (rec.sandboxEnabled = true),
    whenReady: () => Promise.resolve(),
    quit: () => {
      rec.quitRequests++;
      let prevented = false;
      app.emit('before-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) rec.quit = true;
    },
    exit: (code: number) => void (rec.exitCode = code),
  });
  let nextId = 1;
  class BrowserWindow extends FakeWindow {
    constructor(options: Record<string, unknown>) {
      super(options, nextId++);
      rec.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
  }
  let blockerId = 0;
  const electron = {
    app,
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => void rec.ipc.set(channel, fn) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: Recorded['privilegedSchemes']) => void rec.privilegedSchemes.push(...schemes),
      handle: (scheme: string, fn: Recorded['handlers'] extends Map<string, infer F> ? F : never) => void rec.handlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Recorded['permissionRequest']) => void (rec.permissionRequest = h),
        setPermissionCheckHandler: (h: Recorded['permissionCheck']) => void (rec.permissionCheck = h),
        setDevicePermissionHandler: (h: Recorded['devicePermission']) => void (rec.devicePermission = h),
        webRequest: {
          onBeforeRequest: (h: Recorded['beforeRequest']) => void (rec.beforeRequest = h),
          onHeadersReceived: (h: Recorded['headersReceived']) => void (rec.headersReceived = h),
        },
      },
    },
    powerSaveBlocker: {
      start: () => (rec.powerSave.started.push(++blockerId), blockerId),
      stop: (id: number) => void rec.powerSave.stopped.push(id),
      isStarted: (id: number) => rec.powerSave.started.includes(id) && !rec.powerSave.stopped.includes(id),
    },
  };
  return { electron: electron as unknown as ShellElectron, rec, app };
}
