import type { DeviceStatus } from '../../status.ts';
import { Listeners } from '../../transport/listeners.ts';
import type { Transport } from '../../transport/transport.ts';
import type {
  EndOfDayResult,
  LateTerminalMessage,
  LastTransaction,
  PaymentOutcome,
  PaymentProgress,
  PaymentRequest,
  PaymentTerminal,
} from '../terminal.ts';
import { parseApdu } from './apdu.ts';
import * as cmd from './commands.ts';
import { progressFor } from './codes.ts';
import { resolveConfig, type ResolvedZvtConfig, type ZvtConfig } from './config.ts';
import { runExchange, type ExchangeOptions, type ExchangeResult, type InboxItem } from './exchange.ts';
import { Inbox } from './inbox.ts';
import { ZvtLink } from './link.ts';
import { endOfDayOutcome, lastTransactionOutcome, paymentOutcome } from './outcomes.ts';
import { decodeTerminalMessage } from './terminal-messages.ts';
import { toTerminalReceipt } from './receipt.ts';

/**
 * Driver states. closed → registering → ready ⇄ (commandSent → ptMaster) → ready;
 * any state → linkLost when the Transport closes; failed when registration is refused.
 */
export type ZvtDriverState = 'closed' | 'registering' | 'ready' | 'commandSent' | 'ptMaster' | 'linkLost' | 'failed';

const MAX_AMOUNT = 999_999_999_999; // 6 BCD bytes

/** The ECR side of ZVT over one Transport. Construct, `open()`, then pay. */
export class ZvtPaymentTerminal implements PaymentTerminal {
  readonly #cfg: ResolvedZvtConfig;
  readonly #transport: Transport;
  readonly #link: ZvtLink;
  readonly #inbox = new Inbox<InboxItem>();
  readonly #statusListeners = new Listeners<[DeviceStatus]>();
  readonly #late = new Listeners<[LateTerminalMessage]>();
  #state: ZvtDriverState = 'closed';
  #detail: string | undefined;
  #terminalId: string | undefined;
  #abortable = false;
  #abortRequested = false;
  #abortWaiters: (() => void)[] = [];
  #lastStatus: DeviceStatus = { device: 'offline' };
  #lastPrintLines: string[] = [];

  constructor(transport: Transport, config: ZvtConfig) {
    this.#cfg = resolveConfig(config);
    this.#transport = transport;
    const t = this.#cfg.timeouts;
    this.#link = new ZvtLink(transport, { ackTimeoutMs: t.ackMs, charTimeoutMs: t.charMs, maxResends: this.#cfg.maxResends });
    this.#link.onMessage((bytes) => {
      const apdu = parseApdu(bytes);
      this.#onTerminalMessage(apdu.ok ? decodeTerminalMessage(apdu.value) : { type: 'malformed', error: apdu.error });
    });
    this.#link.onClose(() => {
      this.#inbox.push({ type: 'linkClosed' });
      if (this.#state !== 'closed') this.#setState('linkLost', 'linkLost');
    });
    // The port is back after a loss: registration is needed again before any payment.
    this.#link.onReopen(() => {
      if (this.#state === 'linkLost') this.#setState('failed', 'linkReopened');
    });
  }

  get state(): ZvtDriverState {
    return this.#state;
  }

  /** Terminal ID reported at registration, if any. */
  get terminalId(): string | undefined {
    return this.#terminalId;
  }

  /** Receipt lines the terminal sent for printing during the last command (ECR prints receipts). */
  get lastPrintLines(): readonly string[] {
    return this.#lastPrintLines;
  }

  async open(): Promise<void> {
    if (this.#state !== 'closed' && this.#state !== 'failed' && this.#state !== 'linkLost') throw new Error(`open() in state ${this.#state}`);
    if (!this.#link.isOpen) {
      this.#setState('linkLost', 'linkLost');
      throw new Error('ZVT: link is not open');
    }
    this.#setState('registering');
    const c = this.#cfg;
    const ex = await this.#run(cmd.registration(c.password, c.configByte, c.currencyNumeric), {
      resendOnSilence: true,
      completionOptional: true,
    });
    if (ex.kind === 'completed') {
      this.#terminalId = ex.completion.terminalId ?? ex.infos.find((i) => i.terminalId)?.terminalId;
      this.#setState('ready');
      return;
    }
    const detail =
      ex.kind === 'refused' || ex.kind === 'abortedByPt'
        ? 'registrationRefused'
        : ex.kind === 'notDelivered' && ex.reason === 'rejected'
          ? 'linkErrors'
          : 'noResponse';
    if ((this.#state as ZvtDriverState) !== 'linkLost') this.#setState('failed', detail);
    throw new Error(`ZVT registration failed: ${ex.kind === 'refused' ? `refused (0x${ex.code.toString(16)})` : detail}`);
  }

  async authorize(req: PaymentRequest, onProgress?: (p: PaymentProgress) => void): Promise<PaymentOutcome> {
    if (!Number.isInteger(req.amountMinor) || req.amountMinor <= 0 || req.amountMinor > MAX_AMOUNT) {
      throw new RangeError('amountMinor must be a positive integer of at most 12 digits');
    }
    if (!Number.isInteger(req.currencyNumeric) || req.currencyNumeric < 1 || req.currencyNumeric > 999) {
      throw new RangeError('currencyNumeric must be an ISO 4217 numeric code');
    }
    const blocked = this.#notReady();
    if (blocked) return { kind: 'aborted', reason: blocked };
    const ex = await this.#run(cmd.authorization(req.amountMinor, req.currencyNumeric), this.#payOptions(onProgress), true);
    const outcome = this.#withTid(paymentOutcome(ex, this.#cfg.now(), req.currencyNumeric, this.#cfg.timeZone));
    // The terminal forgot the registration: say so, so whoever owns the driver registers again at once.
    if (outcome.kind === 'aborted' && outcome.reason === 'terminalNotRegistered') this.#setState('failed', 'notRegistered');
    return outcome;
  }

  abort(): Promise<void> {
    if (!this.#abortable || (this.#state !== 'commandSent' && this.#state !== 'ptMaster')) return Promise.resolve();
    this.#abortRequested = true;
    // Resolves once 06 B0 went out in answer to an intermediate status, or the command ended.
    return new Promise((resolve) => this.#abortWaiters.push(resolve));
  }

  async lastTransaction(): Promise<LastTransaction> {
    const blocked = this.#notReady();
    if (blocked) return { kind: 'unavailable', reason: blocked };
    const ex = await this.#run(cmd.repeatReceipt(this.#cfg.password), { resendOnSilence: true });
    return this.#withTid(lastTransactionOutcome(ex, this.#cfg.now(), this.#cfg.currencyNumeric, this.#cfg.timeZone));
  }

  async reverse(receiptNumber: number, onProgress?: (p: PaymentProgress) => void): Promise<PaymentOutcome> {
    if (!Number.isInteger(receiptNumber) || receiptNumber < 0 || receiptNumber > 9999) {
      throw new RangeError('receiptNumber must be 0-9999');
    }
    const blocked = this.#notReady();
    if (blocked) return { kind: 'aborted', reason: blocked };
    const ex = await this.#run(cmd.reversal(this.#cfg.password, receiptNumber), this.#payOptions(onProgress), true);
    return this.#withTid(paymentOutcome(ex, this.#cfg.now(), this.#cfg.currencyNumeric, this.#cfg.timeZone));
  }

  async endOfDay(): Promise<EndOfDayResult> {
    if (this.#notReady()) return { ok: false };
    // Not resent on silence either: a second end-of-day would close an empty batch and lose the totals.
    const r = endOfDayOutcome(await this.#run(cmd.endOfDay(this.#cfg.password), { resendOnSilence: false }));
    return r.terminalId || !this.#terminalId ? r : { ...r, terminalId: this.#terminalId };
  }

  /** Status enquiry (05 01): a health check that refreshes status(); true when the terminal answered. */
  async statusEnquiry(): Promise<boolean> {
    if (this.#notReady()) return false;
    const ex = await this.#run(cmd.statusEnquiry(this.#cfg.password), { resendOnSilence: true });
    return ex.kind === 'completed';
  }

  /** Diagnosis (06 70): the terminal checks itself and its host; true when it completed. */
  async diagnosis(): Promise<boolean> {
    if (this.#notReady()) return false;
    const ex = await this.#run(cmd.diagnosis(this.#cfg.password), { resendOnSilence: true });
    return ex.kind === 'completed';
  }

  status(): DeviceStatus {
    return this.#lastStatus;
  }

  onStatus(listener: (s: DeviceStatus) => void): () => void {
    return this.#statusListeners.add(listener);
  }

  /** Logs off (06 02) when idle, then closes the Transport. */
  onLateMessage(listener: (m: LateTerminalMessage) => void): () => void {
    return this.#late.add(listener);
  }

  /**
   * Some terminals omit BMP 29 in one message and send it in another; the kiosk matches
   * approvals by terminal ID, so an empty one falls back to the ID learnt at registration.
   */
  #withTid<T extends PaymentOutcome | LastTransaction>(o: T): T {
    if (o.kind !== 'approved' || o.receipt.terminalId || !this.#terminalId) return o;
    return { ...o, receipt: { ...o.receipt, terminalId: this.#terminalId } };
  }

  async close(): Promise<void> {
    if (this.#state === 'ready' && this.#link.isOpen) {
      await this.#run(cmd.logOff(), { resendOnSilence: false, answerOnly: true }).catch(() => undefined);
    }
    this.#setState('closed');
    this.#link.detach();
    this.#inbox.push({ type: 'linkClosed' });
    this.#releaseAbortWaiters();
    await this.#transport.close().catch(() => undefined);
  }

  #payOptions(onProgress?: (p: PaymentProgress) => void): ExchangeOptions {
    return {
      resendOnSilence: false,
      onIntermediate: (m) => {
        if (!onProgress) return;
        const p: PaymentProgress = { code: progressFor(m.status, this.#cfg.progressOverrides) };
        if (m.text) p.terminalText = m.text;
        onProgress(p);
      },
    };
  }

  /** Why a command cannot start now (nothing is sent), or undefined when ready. */
  #notReady(): string | undefined {
    if (this.#state === 'ready') return undefined;
    if (this.#state === 'commandSent' || this.#state === 'ptMaster' || this.#state === 'registering') {
      throw new Error('ZVT terminal busy: one command at a time');
    }
    return this.#state === 'linkLost' ? 'linkLost' : 'terminalNotRegistered';
  }

  async #run(command: Uint8Array, opts: ExchangeOptions, abortable = false): Promise<ExchangeResult> {
    const idleState = this.#state === 'registering' ? undefined : 'ready';
    this.#abortable = abortable;
    this.#abortRequested = false;
    this.#lastPrintLines = [];
    try {
      const ex = await runExchange(
        {
          link: this.#link,
          inbox: this.#inbox,
          timeouts: this.#cfg.timeouts,
          onPhase: (phase) => {
            if (idleState) this.#setState(phase);
          },
          takeAbortRequest: () => {
            if (!this.#abortRequested) return false;
            this.#abortRequested = false;
            this.#releaseAbortWaiters();
            return true;
          },
        },
        command,
        opts,
      );
      if (ex.kind === 'completed') this.#lastPrintLines = ex.prints;
      if (idleState && this.#state !== 'linkLost' && this.#state !== 'closed') {
        const linkTrouble = ex.kind === 'notDelivered' && ex.reason === 'rejected';
        this.#setState('ready', linkTrouble ? 'linkErrors' : undefined);
      }
      return ex;
    } finally {
      this.#abortable = false;
      this.#releaseAbortWaiters();
    }
  }

  #onTerminalMessage(item: InboxItem): void {
    // Outside a command the ECR is master; a stray terminal message still gets its 80 00 00.
    const idle = this.#state === 'ready' || this.#state === 'closed' || this.#state === 'failed';
    if (idle && item.type !== 'ack' && item.type !== 'nack') {
      void this.#link.send(cmd.positiveAck(), { resendOnTimeout: false });
      if (item.type === 'statusInfo' || item.type === 'completion') {
        const receipt = toTerminalReceipt(item.info, this.#cfg.now(), this.#cfg.currencyNumeric, this.#cfg.timeZone);
        this.#late.emit({ kind: item.type, ...(item.info.resultCode !== undefined && { resultCode: item.info.resultCode }), ...(receipt && { receipt }) });
      } else if (item.type === 'abort') {
        this.#late.emit({ kind: 'abort', ...(item.resultCode !== undefined && { resultCode: item.resultCode }) });
      }
      return;
    }
    this.#inbox.push(item);
  }

  #releaseAbortWaiters(): void {
    for (const w of this.#abortWaiters.splice(0)) w();
  }

  #setState(state: ZvtDriverState, detail?: string): void {
    this.#state = state;
    this.#detail = detail;
    const device: DeviceStatus['device'] =
      state === 'ready' ? (detail === 'linkErrors' ? 'hwError' : 'online')
      : state === 'failed' ? (detail === 'noResponse' ? 'offline' : 'hwError')
      : state === 'closed' || state === 'linkLost' ? 'offline'
      : 'busy';
    const next: DeviceStatus = this.#detail ? { device, detail: this.#detail } : { device };
    if (next.device === this.#lastStatus.device && next.detail === this.#lastStatus.detail) return;
    this.#lastStatus = next;
    this.#statusListeners.emit(next);
  }
}

/** Factory for the kiosk core: a PaymentTerminal speaking ZVT over `transport`. */
export function createZvtTerminal(transport: Transport, config: ZvtConfig): ZvtPaymentTerminal {
  return new ZvtPaymentTerminal(transport, config);
}
