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
  const kiosk = await createKiosk(loadConfigFile(process.env.KHIDMA_CONFIG));
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
  ipcMain.handle(IPC_CALL, (event, method: unknown, params: unknown) => {
    // Only our own window may call the core.
    if (event.sender !== win.webContents) return { ok: false, error: { code: 'unauthorized', message: 'unknown sender' } };
    return kiosk.dispatcher.dispatch(method, params, `ipc-${event.sender.id}`);
  });
  const unsubscribe = kiosk.events.subscribe((name, payload) => {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, name, payload);
  });
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  // A reload or crash of the page is a new connection: any technician session ends with the old one.
  win.webContents.on('did-start-navigation', () => kiosk.dispatcher.release?.(`ipc-${win.webContents.id}`));
  await win.loadFile(fileURLToPath(new URL('../../renderer/index.html', import.meta.url)));
  app.on('window-all-closed', async () => {
    unsubscribe();
    await kiosk.close();
    app.quit();
  });
}

void main();
