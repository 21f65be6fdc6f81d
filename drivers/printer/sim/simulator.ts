/**
 * Device-side ESC/POS printer simulator over any Transport: decodes what the driver sends,
 * prints it onto a paper model, answers DLE EOT per the injected fault. Slow mode is the
 * transport's: a memory link with a baud rate, or a real pseudo-terminal.
 */
import type { Transport } from '../../transport/transport.ts';
import { EPSON_TM_T88_80MM, type PrinterProfile, type StatusRequest } from '../profiles.ts';
import { encodeStatus, NO_FLAGS, type PrinterFlags } from '../status-bits.ts';
import { EscPosDecoder, type EscPosCommand } from './decoder.ts';
import { PaperModel, type PaperItem, type PrintedImage } from './paper.ts';
import { renderPaperPng, type PaperPngOptions } from './paper-png.ts';

export type PrinterFault = 'paperNearEnd' | 'paperOut' | 'coverOpen' | 'cutterError' | 'unplugged' | 'none';

export interface SimulatorOptions {
  /** Delay before answering a status request, to exercise the driver's timeouts. */
  replyDelayMs?: number;
}

const FAULT_FLAGS: Record<PrinterFault, PrinterFlags> = {
  none: NO_FLAGS,
  unplugged: NO_FLAGS,
  paperNearEnd: { ...NO_FLAGS, paperNearEnd: true },
  paperOut: { ...NO_FLAGS, paperOut: true },
  coverOpen: { ...NO_FLAGS, coverOpen: true },
  cutterError: { ...NO_FLAGS, cutterError: true },
};

/** Faults that stop the mechanism: data still arrives but nothing reaches paper. */
const STOPPING: ReadonlySet<PrinterFault> = new Set(['paperOut', 'coverOpen', 'cutterError', 'unplugged']);

export class EscPosSimulator {
  readonly paper: PaperModel;
  #fault: PrinterFault = 'none';
  #bytesReceived = 0;
  #statusRequests = 0;
  readonly #decoder: EscPosDecoder;
  readonly #unsubscribe: () => void;
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly transport: Transport,
    readonly profile: PrinterProfile = EPSON_TM_T88_80MM,
    private readonly options: SimulatorOptions = {},
  ) {
    this.paper = new PaperModel(profile);
    this.#decoder = new EscPosDecoder((cmd) => this.#onCommand(cmd));
    this.#unsubscribe = transport.onData((chunk) => this.#onData(chunk));
  }

  get fault(): PrinterFault {
    return this.#fault;
  }

  setFault(f: PrinterFault): void {
    this.#fault = f;
  }

  get bytesReceived(): number {
    return this.#bytesReceived;
  }

  get statusRequests(): number {
    return this.#statusRequests;
  }

  #onData(chunk: Buffer): void {
    // An unplugged printer neither hears nor answers.
    if (this.#fault === 'unplugged') return;
    this.#bytesReceived += chunk.length;
    this.#decoder.push(chunk);
  }

  #onCommand(cmd: EscPosCommand): void {
    if (cmd.op === 'status') return this.#answer(cmd.n);
    if (STOPPING.has(this.#fault)) return;
    this.paper.apply(cmd);
  }

  #answer(n: number): void {
    if (!this.profile.statusRequests.includes(n as StatusRequest)) return;
    this.#statusRequests++;
    const reply = Uint8Array.of(encodeStatus(n as StatusRequest, FAULT_FLAGS[this.#fault]));
    const send = (): void => {
      if (this.transport.isOpen && this.#fault !== 'unplugged') this.transport.write(reply).catch(() => undefined);
    };
    const delay = this.options.replyDelayMs ?? 0;
    if (delay <= 0) return send();
    const t = setTimeout(() => {
      this.#timers.delete(t);
      send();
    }, delay);
    this.#timers.add(t);
  }

  /** Native text lines, in paper order. */
  decodedText(): string[] {
    return this.paper.decodedText();
  }

  images(): PrintedImage[] {
    return this.paper.images();
  }

  qrCodes(): string[] {
    return this.paper.items.flatMap((i) => (i.kind === 'qr' ? [i.data] : []));
  }

  get items(): readonly PaperItem[] {
    return this.paper.items;
  }

  get cuts(): number {
    return this.paper.items.filter((i) => i.kind === 'cut').length;
  }

  /** Items grouped per cut; a trailing group without a cut is included when not empty. */
  get jobs(): PaperItem[][] {
    const jobs: PaperItem[][] = [];
    let cur: PaperItem[] = [];
    for (const it of this.paper.items) {
      cur.push(it);
      if (it.kind === 'cut') {
        jobs.push(cur);
        cur = [];
      }
    }
    if (cur.length) jobs.push(cur);
    return jobs;
  }

  renderPng(opts?: PaperPngOptions): Buffer {
    return renderPaperPng(this.paper, opts);
  }

  /** One job (up to and with its cut) as its own strip of paper, from the top of that strip; negative counts from the last. */
  renderJobPng(index = -1, opts?: PaperPngOptions): Buffer | undefined {
    const job = this.jobs[index < 0 ? this.jobs.length + index : index];
    if (!job) return undefined;
    const all = this.paper.items;
    const first = all.indexOf(job[0]!);
    const top = first > 0 ? all[first - 1]!.y : 0;
    const items = job.map((it) => ({ ...it, y: it.y - top }));
    const end = job.at(-1)!;
    return renderPaperPng({ profile: this.profile, items, length: (end.kind === 'cut' ? end.y : this.paper.length) - top }, opts);
  }

  /** Stops listening (the transport is the caller's to close). */
  close(): void {
    this.#unsubscribe();
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    this.#decoder.reset();
  }
}
