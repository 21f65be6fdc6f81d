import { app, BrowserWindow, ipcMain } from 'electron';
import { fileURLToPath } from 'node:url';
import { loadConfigFile } from '../config.ts';
import { createKiosk } from '../compose.ts';
import { IPC_CALL, IPC_EVENT } from './ipc-channels.ts';

/**
 * The thin Electron shell: the only folder that imports `electron`. It composes the same
 * plain-Node core and exposes its dispatcher through IPC to a sandboxed, isolated page.
 */
async function main(): Promise<void> {
  await app.whenReady();
  const named = process.env.KHIDMA_CONFIG || undefined;
  const kiosk = await createKiosk(loadConfigFile({ path: named ?? 'khidma.config.json', named: named !== undefined, demo: process.env.KHIDMA_DEMO === '1' }));
  const win = new BrowserWindow({
    fullscreen: true,
    kiosk: true,
    autoHideMenuBar: true,
    webPreferences: {
      preload: fileURLToPath(new URL('./preload.cjs', import.meta.url)),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  // The window is one connection: it owns the visitor sessions it starts.
  const connection: { id: string; sessionId?: string } = { id: 'electron-window' };
  ipcMain.handle(IPC_CALL, (event, method: unknown, params: unknown) => {
    // Only our own window may call the core.
    if (event.sender !== win.webContents) return { ok: false, error: { code: 'unauthorized', message: 'unknown sender' } };
    return kiosk.dispatcher.dispatch(method, params, { connection });
  });
  const unsubscribe = kiosk.events.subscribe((name, payload, scope) => {
    if (scope && scope.sessionId !== connection.sessionId) return;
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, name, payload);
  });
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  await win.loadFile(fileURLToPath(new URL('../../renderer/index.html', import.meta.url)));
  app.on('window-all-closed', async () => {
    unsubscribe();
    await kiosk.close();
    app.quit();
  });
}

void main();
