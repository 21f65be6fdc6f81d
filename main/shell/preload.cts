import type { IpcRendererEvent } from 'electron';
import type { EventName, Events, KioskBridge, Method, MethodResults, Params } from '../contract/api.ts';
import type { Result } from '../contract/result.ts';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- sandboxed preloads are CommonJS
const { contextBridge, ipcRenderer } = require('electron') as typeof import('electron');

// Sandboxed preloads are CommonJS and cannot import sibling modules, so the channel names are repeated here.
const IPC_CALL = 'kiosk:call';
const IPC_EVENT = 'kiosk:event';

const bridge = {
  call<M extends Method>(method: M, params: Params<M>): Promise<Result<MethodResults[M]>> {
    return ipcRenderer.invoke(IPC_CALL, method, params) as Promise<Result<MethodResults[M]>>;
  },
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload as Events[E]);
    };
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped);
  },
} satisfies KioskBridge;

contextBridge.exposeInMainWorld('kiosk', bridge);

// Touch kiosk: a long press must not open a context menu (the main process denies it too).
window.addEventListener('contextmenu', (e) => e.preventDefault(), true);
