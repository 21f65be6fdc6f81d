import type { Transport } from './transport.ts';
import { Listeners } from './listeners.ts';

export interface MemoryLinkOptions {
  /** Emulate a serial line's speed (10 bits per byte); 0 or absent = instant. */
  baudRate?: number;
  name?: string;
}

class MemoryEnd implements Transport {
  readonly data = new Listeners<[Buffer]>();
  readonly closed = new Listeners<[Error | undefined]>();
  peer!: MemoryEnd;
  #open = true;
  #busyUntil = 0;

  constructor(
    readonly name: string,
    private readonly baudRate: number,
  ) {}

  get isOpen(): boolean {
    return this.#open;
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this.#open) throw new Error(`${this.name}: link closed`);
    const chunk = Buffer.from(data);
    if (this.baudRate > 0) {
      // Serialise writes like a UART would: each byte costs 10 bit times.
      const now = Date.now();
      const start = Math.max(now, this.#busyUntil);
      this.#busyUntil = start + (chunk.length * 10 * 1000) / this.baudRate;
      await new Promise((r) => setTimeout(r, this.#busyUntil - now));
    }
    const peer = this.peer;
    // Deliver asynchronously so a reader never re-enters the writer's stack.
    queueMicrotask(() => {
      if (peer.#open) peer.data.emit(chunk);
    });
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.data.add(listener);
  }

  onClose(listener: (err?: Error) => void): () => void {
    return this.closed.add(listener);
  }

  async close(): Promise<void> {
    this.drop();
  }

  drop(err?: Error): void {
    if (!this.#open) return;
    this.#open = false;
    this.closed.emit(err);
    this.peer.drop(err ?? new Error(`${this.peer.name}: peer closed`));
  }
}

/**
 * An in-process serial link: two connected Transports. The default wiring between a
 * driver and its simulator when no real port is configured.
 */
export function createMemoryLink(options: MemoryLinkOptions = {}): [host: Transport, device: Transport] {
  const name = options.name ?? 'memory';
  const a = new MemoryEnd(`${name}:host`, options.baudRate ?? 0);
  const b = new MemoryEnd(`${name}:device`, options.baudRate ?? 0);
  a.peer = b;
  b.peer = a;
  return [a, b];
}
