import { frameCrc } from './crc.ts';

/** Serial transport control characters (ZVT transport protocol, serial). */
export const STX = 0x02;
export const ETX = 0x03;
export const ACK = 0x06;
export const DLE = 0x10;
export const NAK = 0x15;

/** Wraps one APDU: DLE STX, message with every DLE doubled, DLE ETX, CRC low byte, CRC high byte. */
export function encodeFrame(message: Uint8Array): Uint8Array {
  const out: number[] = [DLE, STX];
  for (const b of message) {
    out.push(b);
    if (b === DLE) out.push(DLE);
  }
  const crc = frameCrc(message);
  // The CRC bytes follow DLE ETX verbatim (not stuffed): the receiver reads exactly two bytes.
  out.push(DLE, ETX, crc & 0xff, crc >>> 8);
  return Uint8Array.from(out);
}

export type FrameErrorKind = 'crc' | 'escape' | 'tooLong' | 'interrupted';

export type DecoderEvent =
  | { type: 'frame'; message: Uint8Array }
  | { type: 'ack' }
  | { type: 'nak' }
  /**
   * A frame attempt failed. `replay` is true when the failure happened while re-scanning
   * bytes of an earlier failed attempt: the peer is owed at most one NAK per attempt.
   */
  | { type: 'badFrame'; kind: FrameErrorKind; replay: boolean };

export interface FrameDecoderOptions {
  /** Largest un-stuffed message accepted; longer attempts are dropped. */
  maxMessageLength?: number;
}

type DecoderState = 'idle' | 'idleDle' | 'data' | 'dataDle' | 'crc1' | 'crc2';

/**
 * Incremental decoder: feed arbitrary chunks, get frames, ACK/NAK bytes and bad-frame events.
 * Pure (no I/O, no timers). After a failed attempt it re-scans that attempt's raw bytes from the
 * next DLE STX, so a good frame hidden behind garbage (e.g. after a stray DLE that swallowed its
 * start) is still found.
 */
export class FrameDecoder {
  readonly #max: number;
  #state: DecoderState = 'idle';
  #msg: number[] = [];
  #raw: number[] = [];
  #crcLow = 0;

  constructor(options: FrameDecoderOptions = {}) {
    // 8 KiB covers every kiosk message (receipts included) and bounds re-scan work on garbage.
    this.#max = options.maxMessageLength ?? 8192;
  }

  /** True while inside a frame attempt (used by the link's inter-character timeout). */
  get midFrame(): boolean {
    return this.#state !== 'idle' && this.#state !== 'idleDle';
  }

  /** Forget any partial frame (inter-character timeout expired). */
  reset(): void {
    this.#state = 'idle';
    this.#msg = [];
    this.#raw = [];
  }

  push(chunk: Uint8Array | readonly number[]): DecoderEvent[] {
    const out: DecoderEvent[] = [];
    // Explicit stack instead of recursion: replayed bytes are processed before the rest of the chunk.
    const stack: { bytes: Uint8Array | readonly number[]; pos: number }[] = [{ bytes: chunk, pos: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.pos >= top.bytes.length) {
        stack.pop();
        continue;
      }
      const b = top.bytes[top.pos++]! & 0xff;
      const replay = this.#step(b, out, stack.length > 1);
      if (replay) stack.push({ bytes: replay, pos: 0 });
    }
    return out;
  }

  #start(): void {
    this.#state = 'data';
    this.#msg = [];
    this.#raw = [DLE, STX];
  }

  /** Ends the current attempt with an error; returns the raw bytes to re-scan, if any. */
  #fail(kind: FrameErrorKind, out: DecoderEvent[], replaying: boolean): number[] | undefined {
    out.push({ type: 'badFrame', kind, replay: replaying });
    const raw = this.#raw;
    this.reset();
    // Next DLE STX in the attempt, or a DLE as its very last byte (STX may be the next byte to come).
    for (let j = 2; j < raw.length; j++) {
      if (raw[j] === DLE && (j + 1 === raw.length || raw[j + 1] === STX)) return raw.slice(j);
    }
    return undefined;
  }

  #step(b: number, out: DecoderEvent[], replaying: boolean): number[] | undefined {
    switch (this.#state) {
      case 'idle':
        if (b === ACK) out.push({ type: 'ack' });
        else if (b === NAK) out.push({ type: 'nak' });
        else if (b === DLE) this.#state = 'idleDle';
        // Anything else between frames is line noise: ignored.
        return undefined;
      case 'idleDle':
        if (b === STX) this.#start();
        else if (b !== DLE) {
          this.#state = 'idle';
          return this.#step(b, out, replaying);
        }
        return undefined;
      case 'data':
        this.#raw.push(b);
        if (b === DLE) this.#state = 'dataDle';
        else this.#msg.push(b);
        break;
      case 'dataDle':
        this.#raw.push(b);
        if (b === DLE) {
          this.#msg.push(DLE);
          this.#state = 'data';
        } else if (b === ETX) this.#state = 'crc1';
        else if (b === STX) {
          // A new frame starts before the previous one ended: the earlier one is lost.
          out.push({ type: 'badFrame', kind: 'interrupted', replay: replaying });
          this.#start();
        } else return this.#fail('escape', out, replaying);
        break;
      case 'crc1':
        this.#raw.push(b);
        this.#crcLow = b;
        this.#state = 'crc2';
        break;
      case 'crc2': {
        this.#raw.push(b);
        const message = Uint8Array.from(this.#msg);
        if ((this.#crcLow | (b << 8)) === frameCrc(message)) {
          this.reset();
          out.push({ type: 'frame', message });
          return undefined;
        }
        return this.#fail('crc', out, replaying);
      }
    }
    if (this.#msg.length > this.#max) return this.#fail('tooLong', out, replaying);
    return undefined;
  }
}
