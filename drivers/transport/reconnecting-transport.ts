import type { Transport } from './transport.ts';
import { Listeners } from './listeners.ts';

export interface ReconnectingOptions {
  /** Wait between attempts to open the port again. */
  retryMs?: number;
  name: string;
  /** Told about each failed attempt (for the technician log); never throws. */
  onError?: (err: Error) => void;
}

export interface ReconnectingTransport extends Transport {
  /** Called each time the port is open again after a loss (or opens late at start-up). */
  onReopen(listener: () => void): () => void;
  /** Resolves after the first attempt to open (start-up ordering, tests). */
  readonly ready: Promise<void>;
  /**
   * Points the transport at another port (a technician re-assigned the device while the
   * kiosk runs): the current port closes, drivers see a loss, then a reopen on the new port.
   */
  switchTo(open: () => Promise<Transport>, name: string): Promise<void>;
}

/**
 * A Transport that outlives its port: when a USB-serial adapter is unplugged (or a port is
 * missing at start-up) it reports the loss, keeps trying to open the port again, and tells the
 * drivers when it is back. Drivers subscribe once; bytes flow from whichever port is current.
 */
export function createReconnectingTransport(open: () => Promise<Transport>, opts: ReconnectingOptions): ReconnectingTransport {
  const data = new Listeners<[Buffer]>();
  const closed = new Listeners<[Error | undefined]>();
  const reopened = new Listeners<[]>();
  const retryMs = opts.retryMs ?? 2000;
  let current: Transport | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let everOpen = false;
  let name = opts.name;
  // Bumped by switchTo: an attempt still opening the old port must not win.
  let generation = 0;

  const attempt = async (): Promise<void> => {
    if (stopped) return;
    const gen = generation;
    try {
      const t = await open();
      if (stopped || gen !== generation) return void (await t.close());
      current = t;
      t.onData((chunk) => data.emit(chunk));
      t.onClose((err) => {
        if (current !== t) return;
        current = undefined;
        if (stopped) return;
        closed.emit(err ?? new Error(`${name}: port lost`));
        schedule();
      });
      if (everOpen) reopened.emit();
      else everOpen = true;
    } catch (err) {
      if (gen !== generation) return;
      opts.onError?.(err as Error);
      if (!everOpen) {
        // Missing at start-up: drivers must see "not open" now, and a reopen when it appears.
        everOpen = true;
        closed.emit(err as Error);
      }
      schedule();
    }
  };
  const schedule = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void attempt(), retryMs);
    timer.unref?.();
  };

  const ready = attempt();
  return {
    get name() {
      return name;
    },
    get isOpen() {
      return !stopped && current?.isOpen === true;
    },
    async write(bytes) {
      await ready;
      if (!current) throw new Error(`${name}: port not open`);
      return current.write(bytes);
    },
    onData: (fn) => data.add(fn),
    onClose: (fn) => closed.add(fn),
    onReopen: (fn) => reopened.add(fn),
    async close() {
      stopped = true;
      clearTimeout(timer);
      await ready;
      const t = current;
      current = undefined;
      await t?.close();
    },
    ready,
    async switchTo(next, nextName) {
      await ready;
      generation++;
      clearTimeout(timer);
      open = next;
      name = nextName;
      const t = current;
      current = undefined;
      if (t) {
        await t.close();
        closed.emit(new Error(`${nextName}: re-assigned`));
      }
      await attempt();
    },
  };
}
