/**
 * ESC/POS receipt printer driver: Transport → DLE EOT status state machine + receipt jobs.
 *
 * States: idle → checking (one DLE EOT request in flight at a time, each with a timeout) →
 * idle; idle → checking → printing → checking → idle for a job. Every operation goes through
 * one queue, so a status poll never interleaves with a job's bytes (a DLE EOT inside raster
 * data would be read as image data by the printer).
 */
import type { DeviceStatus } from '../status.ts';
import type { Transport } from '../transport/transport.ts';
import { Listeners } from '../transport/listeners.ts';
import * as esc from './escpos.ts';
import { layoutReceipt } from './layout.ts';
import type { PrintResult, ReceiptDocument, ReceiptPrinter } from './printer.ts';
import { EPSON_TM_T88_80MM, type PrinterProfile, type StatusRequest } from './profiles.ts';
import { decodeStatus, isStatusByte, toDeviceStatus, type StatusReplies } from './status-bits.ts';

export type PrinterState = 'idle' | 'checking' | 'printing' | 'closed';

export interface EscPosPrinterOptions {
  /** Per DLE EOT reply; default from the profile. */
  statusTimeoutMs?: number;
  /** Line speed used to bound a job's write time; default the profile's baud rate. */
  baudRate?: number;
  /** Slack added to a job's computed wire time before it counts as stuck. */
  jobTimeoutMarginMs?: number;
  /** Background status polling between jobs; 0 or absent = only on demand and around jobs. */
  pollIntervalMs?: number;
  /**
   * Background polls that must go unanswered in a row before the printer counts as offline
   * (a flicker neither drops it nor repeats a print); default 1. On-demand checks never wait.
   */
  missesBeforeOffline?: number;
}

const NOT_CHECKED: DeviceStatus = { device: 'offline', supply: 'unknown', detail: 'notChecked' };

class TimeoutError extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new TimeoutError(`${what} timed out after ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

export class EscPosPrinter implements ReceiptPrinter {
  #state: PrinterState = 'idle';
  #status: DeviceStatus = NOT_CHECKED;
  #tail: Promise<unknown> = Promise.resolve();
  /** Bumped by cancelPending(): queued jobs of an older generation are dropped. */
  #generation = 0;
  #waiter: { resolve: (b: number | null) => void; timer: ReturnType<typeof setTimeout> } | null = null;
  #poll: ReturnType<typeof setInterval> | null = null;
  #lastJobBytes = 0;
  #missedPolls = 0;
  readonly #listeners = new Listeners<[DeviceStatus]>();
  readonly #unsubscribe: (() => void)[];

  #profile: PrinterProfile;
  #baudRate: number | undefined;

  constructor(
    private readonly transport: Transport,
    profile: PrinterProfile = EPSON_TM_T88_80MM,
    private readonly options: EscPosPrinterOptions = {},
  ) {
    this.#profile = profile;
    this.#baudRate = options.baudRate;
    this.#unsubscribe = [
      transport.onData((chunk) => this.#onData(chunk)),
      transport.onClose(() => this.#setStatus({ device: 'offline', supply: 'unknown', detail: 'linkClosed' })),
      // A reconnecting port came back: ask the printer how it is at once.
      transport.onReopen?.(() => void this.checkStatus().catch(() => undefined)) ?? (() => undefined),
    ];
    const every = options.pollIntervalMs ?? 0;
    if (every > 0) {
      this.#poll = setInterval(() => {
        if (this.#state === 'idle') void this.#enqueue(() => this.#check(true)).catch(() => undefined);
      }, every);
      this.#poll.unref?.();
    }
  }

  get profile(): PrinterProfile {
    return this.#profile;
  }

  /** A technician changed the model or the line speed: used from the next job on (a job on the paper finishes as it began). */
  reconfigure(c: { profile?: PrinterProfile; baudRate?: number }): void {
    if (c.profile) this.#profile = c.profile;
    this.#baudRate = c.baudRate;
  }

  get state(): PrinterState {
    return this.#state;
  }

  /** Bytes of the last job sent (for diagnostics and benchmarks). */
  get lastJobBytes(): number {
    return this.#lastJobBytes;
  }

  status(): DeviceStatus {
    return this.#status;
  }

  onStatus(listener: (s: DeviceStatus) => void): () => void {
    return this.#listeners.add(listener);
  }

  /** The exact bytes a document becomes for this profile (no I/O). */
  render(doc: ReceiptDocument): Uint8Array {
    return layoutReceipt(doc, this.profile);
  }

  checkStatus(): Promise<DeviceStatus> {
    return this.#enqueue(() => this.#check());
  }

  print(doc: ReceiptDocument): Promise<PrintResult> {
    const generation = this.#generation;
    return this.#enqueue(() =>
      generation === this.#generation ? this.#print(doc) : Promise.resolve<PrintResult>({ ok: false, code: 'cancelled', message: 'cancelled before printing' }),
    );
  }

  cancelPending(): void {
    this.#generation++;
  }

  async close(): Promise<void> {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    if (this.#poll) clearInterval(this.#poll);
    this.#resolveWaiter(null);
    for (const u of this.#unsubscribe) u();
    this.#listeners.clear();
    await this.transport.close();
  }

  #enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(fn, fn);
    this.#tail = run.catch(() => undefined);
    return run;
  }

  #onData(chunk: Buffer): void {
    // Only a pending request consumes bytes; anything else (line noise, late replies) is dropped.
    for (const b of chunk) if (this.#waiter && isStatusByte(b)) this.#resolveWaiter(b);
  }

  #resolveWaiter(b: number | null): void {
    const w = this.#waiter;
    if (!w) return;
    this.#waiter = null;
    clearTimeout(w.timer);
    w.resolve(b);
  }

  async #request(n: StatusRequest): Promise<number | null> {
    this.#resolveWaiter(null);
    const ms = this.options.statusTimeoutMs ?? this.profile.statusTimeoutMs;
    const reply = new Promise<number | null>((resolve) => {
      this.#waiter = { resolve, timer: setTimeout(() => this.#resolveWaiter(null), ms) };
    });
    try {
      await this.transport.write(esc.statusRequest(n));
    } catch {
      this.#resolveWaiter(null);
    }
    return reply;
  }

  async #check(poll = false): Promise<DeviceStatus> {
    if (this.#state === 'closed') return this.#status;
    this.#state = 'checking';
    try {
      if (!this.transport.isOpen) return this.#setStatus({ device: 'offline', supply: 'unknown', detail: 'linkClosed' });
      const replies: StatusReplies = {};
      for (const n of this.profile.statusRequests) {
        const b = await this.#request(n);
        if (b === null) {
          const tolerated = poll && ++this.#missedPolls < (this.options.missesBeforeOffline ?? 1) && this.#status.device !== 'offline';
          return tolerated ? this.#status : this.#setStatus({ device: 'offline', supply: 'unknown', detail: 'noAnswer' });
        }
        replies[n] = b;
      }
      this.#missedPolls = 0;
      return this.#setStatus(toDeviceStatus(decodeStatus(replies)));
    } finally {
      if (this.#state === 'checking') this.#state = 'idle';
    }
  }

  async #print(doc: ReceiptDocument): Promise<PrintResult> {
    if (this.#state === 'closed') return { ok: false, code: 'offline', message: 'Printer driver is closed' };
    const before = await this.#check();
    const refusal = refuse(before, 'before');
    if (refusal) return refusal;
    let bytes: Uint8Array;
    try {
      bytes = layoutReceipt(doc, this.profile);
    } catch (e) {
      return { ok: false, code: 'error', message: `Could not lay out the receipt: ${(e as Error).message}` };
    }
    this.#state = 'printing';
    try {
      const baud = this.#baudRate ?? this.profile.serial.baudRate;
      const wireMs = (bytes.length * 10 * 1000) / baud;
      await withTimeout(this.transport.write(bytes), Math.ceil(wireMs * 2 + (this.options.jobTimeoutMarginMs ?? 5000)), 'Sending the job');
      this.#lastJobBytes = bytes.length;
    } catch (e) {
      const msg = (e as Error).message;
      return e instanceof TimeoutError
        ? { ok: false, code: 'offline', message: `${msg}: the printer stopped accepting data` }
        : { ok: false, code: 'offline', message: `Link lost while sending the job: ${msg}` };
    } finally {
      if (this.#state === 'printing') this.#state = 'idle';
    }
    // A fault that appeared during the job means the receipt may be incomplete.
    const after = await this.#check();
    const late = refuse(after, 'during');
    return late ?? { ok: true, bytes: bytes.length };
  }

  #setStatus(s: DeviceStatus): DeviceStatus {
    const changed = JSON.stringify(s) !== JSON.stringify(this.#status);
    this.#status = s;
    if (changed) this.#listeners.emit(s);
    return s;
  }
}

/** Maps a status to the PrintResult refusing a job, or null when printing may go ahead. */
function refuse(s: DeviceStatus, when: 'before' | 'during'): PrintResult | null {
  const suffix = when === 'during' ? ' during the job; the receipt may be incomplete' : '';
  if (s.device === 'offline') return { ok: false, code: 'offline', message: `Printer offline (${s.detail ?? 'no answer'})${suffix}` };
  if (s.supply === 'out') return { ok: false, code: 'paperOut', message: `Printer is out of paper${suffix}` };
  if (s.detail === 'coverOpen') return { ok: false, code: 'coverOpen', message: `Printer cover is open${suffix}` };
  if (s.device !== 'online') return { ok: false, code: 'error', message: `Printer error: ${s.detail ?? s.device}${suffix}` };
  return null;
}

export function createEscPosPrinter(transport: Transport, profile: PrinterProfile = EPSON_TM_T88_80MM, options: EscPosPrinterOptions = {}): EscPosPrinter {
  return new EscPosPrinter(transport, profile, options);
}
