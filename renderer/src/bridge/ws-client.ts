import type { EventName, Events, KioskBridge, Method, MethodResults, Params } from '../../../main/contract/api.ts';
import type { Result } from '../../../main/contract/result.ts';

type Pending = (r: Result<unknown>) => void;

/**
 * The browser-shell transport: the same contract as Electron's preload, over the loopback
 * WebSocket bridge. Reconnects on its own; calls made while down fail fast as results.
 */
export function createWsBridge(url: string): KioskBridge {
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket;
  let ready: Promise<void>;

  function connect(): void {
    socket = new WebSocket(url);
    ready = new Promise((resolve) => socket.addEventListener('open', () => resolve(), { once: true }));
    socket.addEventListener('message', (ev) => {
      const msg = JSON.parse(String(ev.data)) as { id?: number; result?: Result<unknown>; event?: EventName; payload?: unknown };
      if (msg.event) listeners.get(msg.event)?.forEach((fn) => fn(msg.payload));
      else if (typeof msg.id === 'number' && msg.result) {
        pending.get(msg.id)?.(msg.result);
        pending.delete(msg.id);
      }
    });
    socket.addEventListener('close', () => {
      for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'internal', message: 'connection to the kiosk core lost' } });
      pending.clear();
      setTimeout(connect, 500);
    });
  }
  connect();

  return {
    async call<M extends Method>(method: M, params: Params<M>): Promise<Result<MethodResults[M]>> {
      const isOpen = () => socket.readyState === WebSocket.OPEN;
      if (!isOpen()) {
        // Between reconnects: wait briefly for the socket, then answer instead of hanging.
        await Promise.race([ready, new Promise((r) => setTimeout(r, 3000))]);
        if (!isOpen()) return { ok: false, error: { code: 'internal', message: 'the kiosk core is not reachable' } };
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as Pending);
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
  };
}
