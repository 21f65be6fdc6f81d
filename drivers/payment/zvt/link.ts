import type { Transport } from '../../transport/transport.ts';
import { Listeners } from '../../transport/listeners.ts';
import { ACK, NAK, FrameDecoder, encodeFrame, type FrameErrorKind } from './framing.ts';

export interface LinkOptions {
  /** Wait for ACK/NAK after sending a frame. */
  ackTimeoutMs: number;
  /** Longest silence inside a frame before the partial frame is dropped (and NAKed). */
  charTimeoutMs: number;
  /** Resends after NAK (and after an ACK timeout when the caller allows it). */
  maxResends: number;
  maxMessageLength?: number;
  /** Fault hooks for the simulator; a real ECR leaves them unset (always ACK good frames). */
  receivePolicy?: (message: Uint8Array) => 'ack' | 'nak' | 'ignore';
  mangleOutgoing?: (frame: Uint8Array) => Uint8Array;
}

/** acked; rejected = NAK on every attempt; noAck = silence; closed = link gone. */
export type SendResult = 'acked' | 'rejected' | 'noAck' | 'closed';

export interface SendOptions {
  /**
   * Whether silence may be answered by sending the frame again. False for anything that moves
   * money: the terminal may have received the frame and only the ACK was lost.
   */
  resendOnTimeout: boolean;
}

type AckWaiter = (got: 'ack' | 'nak' | 'closed') => void;

/**
 * ZVT serial transport layer over a Transport: frames out with ACK/NAK and bounded resends,
 * frames in with automatic ACK/NAK. Used by both the ECR driver and the terminal simulator.
 */
export class ZvtLink {
  readonly #transport: Transport;
  readonly #opts: LinkOptions;
  #decoder: FrameDecoder;
  readonly #messages = new Listeners<[Uint8Array]>();
  readonly #closed = new Listeners<[Error | undefined]>();
  readonly #errors = new Listeners<[FrameErrorKind]>();
  readonly #unsubs: (() => void)[] = [];
  #waiter: AckWaiter | undefined;
  #charTimer: NodeJS.Timeout | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #open: boolean;
  readonly #reopened = new Listeners<[]>();

  constructor(transport: Transport, options: LinkOptions) {
    this.#transport = transport;
    this.#opts = options;
    this.#decoder = new FrameDecoder({ maxMessageLength: options.maxMessageLength });
    this.#open = transport.isOpen;
    this.#unsubs.push(
      transport.onData((chunk) => this.#onData(chunk)),
      transport.onClose((err) => this.#onClose(err)),
    );
    // A reconnecting port came back: the link is usable again (the driver must re-register).
    const offReopen = transport.onReopen?.(() => {
      this.#decoder = new FrameDecoder({ maxMessageLength: this.#opts.maxMessageLength });
      this.#open = true;
      this.#reopened.emit();
    });
    if (offReopen) this.#unsubs.push(offReopen);
  }

  onReopen(fn: () => void): () => void {
    return this.#reopened.add(fn);
  }

  get isOpen(): boolean {
    return this.#open && this.#transport.isOpen;
  }

  get name(): string {
    return this.#transport.name;
  }

  onMessage(fn: (message: Uint8Array) => void): () => void {
    return this.#messages.add(fn);
  }

  onClose(fn: (err?: Error) => void): () => void {
    return this.#closed.add(fn);
  }

  /** Bad frames received (for the technician status), never their content. */
  onFrameError(fn: (kind: FrameErrorKind) => void): () => void {
    return this.#errors.add(fn);
  }

  /** Sends one message; frames are sent one at a time, in call order. */
  send(message: Uint8Array, options: SendOptions): Promise<SendResult> {
    const run = this.#queue.then(() => this.#sendNow(message, options));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Stops listening (and timers); the Transport itself belongs to the caller. */
  detach(): void {
    for (const u of this.#unsubs.splice(0)) u();
    this.#stopCharTimer();
    this.#open = false;
    this.#waiter?.('closed');
    this.#waiter = undefined;
  }

  async #sendNow(message: Uint8Array, options: SendOptions): Promise<SendResult> {
    let frame = encodeFrame(message);
    for (let attempt = 0; attempt <= this.#opts.maxResends; attempt++) {
      if (!this.isOpen) return 'closed';
      const outgoing = this.#opts.mangleOutgoing ? this.#opts.mangleOutgoing(frame) : frame;
      const reply = this.#awaitAck();
      try {
        await this.#transport.write(outgoing);
      } catch {
        this.#waiter = undefined;
        return 'closed';
      }
      const got = await reply;
      if (got === 'ack') return 'acked';
      if (got === 'closed') return 'closed';
      if (got === 'timeout' && !options.resendOnTimeout) return 'noAck';
      if (attempt === this.#opts.maxResends) return got === 'nak' ? 'rejected' : 'noAck';
      frame = encodeFrame(message);
    }
    return 'noAck';
  }

  #awaitAck(): Promise<'ack' | 'nak' | 'closed' | 'timeout'> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiter = undefined;
        resolve('timeout');
      }, this.#opts.ackTimeoutMs);
      this.#waiter = (got) => {
        clearTimeout(timer);
        this.#waiter = undefined;
        resolve(got);
      };
    });
  }

  #write(bytes: number[]): void {
    if (!this.isOpen) return;
    // A failed ACK/NAK write means the link is gone; onClose reports that.
    this.#transport.write(Uint8Array.from(bytes)).catch(() => undefined);
  }

  #onData(chunk: Buffer): void {
    for (const ev of this.#decoder.push(chunk)) {
      if (ev.type === 'ack' || ev.type === 'nak') this.#waiter?.(ev.type);
      else if (ev.type === 'badFrame') {
        this.#errors.emit(ev.kind);
        // One NAK per failed attempt; an interrupted frame is followed by a live one owed an answer.
        if (!ev.replay && ev.kind !== 'interrupted') this.#write([NAK]);
      } else {
        const policy = this.#opts.receivePolicy?.(ev.message) ?? 'ack';
        if (policy === 'ignore') continue;
        this.#write([policy === 'ack' ? ACK : NAK]);
        if (policy === 'ack') this.#messages.emit(ev.message);
      }
    }
    this.#stopCharTimer();
    if (this.#decoder.midFrame) {
      this.#charTimer = setTimeout(() => {
        this.#charTimer = undefined;
        this.#decoder.reset();
        this.#errors.emit('interrupted');
        this.#write([NAK]);
      }, this.#opts.charTimeoutMs);
    }
  }

  #stopCharTimer(): void {
    if (this.#charTimer) clearTimeout(this.#charTimer);
    this.#charTimer = undefined;
  }

  #onClose(err?: Error): void {
    if (!this.#open) return;
    this.#open = false;
    this.#stopCharTimer();
    this.#waiter?.('closed');
    this.#closed.emit(err);
  }
}
