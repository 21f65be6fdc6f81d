import type { Transport } from '../../transport/transport.ts';
import { parseApdu } from '../zvt/apdu.ts';
import { decodeEcrCommand, negativeAck, positiveAck, type EcrCommand } from '../zvt/commands.ts';
import { RESULT } from '../zvt/codes.ts';
import { Inbox } from '../zvt/inbox.ts';
import { ZvtLink } from '../zvt/link.ts';
import * as flows from './flows.ts';
import { SimJournal, type JournalEntry } from './journal.ts';
import { DECLINE_DO_NOT_HONOUR, DEFAULT_SIM_CARD, defaultDecisionRule, type Decision, type DecisionRule, type SimCard } from './rules.ts';

/**
 * Faults on demand. Frame-level ones affect the next `count` frames: noAck (ignore them, default 1),
 * nakStorm (NAK them, default 1 + maxResends), badCrc (default 1) (corrupt the CRC of frames the terminal sends). The others apply
 * to the next authorization: dropAfterApproval (journal the approval, then drop the link before
 * the ECR hears of it), timeout (hang after the first status), visitorAbort (cancel key on the PT).
 */
/** What the next payment does, chosen by hand (the demo panel): one payment, then back to the rules. */
export type NextPayment = 'approve' | 'decline' | 'pin' | 'slow' | 'linkDrop';

export type ZvtFault = 'noAck' | 'nakStorm' | 'badCrc' | 'dropAfterApproval' | 'timeout' | 'visitorAbort';

export interface ZvtSimulatorOptions {
  password?: string;
  /** 8 digits (BMP 29). */
  terminalId?: string;
  decide?: DecisionRule;
  card?: SimCard;
  /** Multiplies every delay; 0 = no delays (benchmarks). */
  delayScale?: number;
  /** Delay range between terminal steps before scaling, in ms. */
  delayRangeMs?: [number, number];
  /** "Insert card" repeats before the card counts as inserted. */
  cardWaitRepeats?: number;
  /** How long the terminal waits for the ECR's 80 00 00 before giving up the flow. */
  ecrReplyTimeoutMs?: number;
  ackTimeoutMs?: number;
  maxResends?: number;
  /** Seed of the delay jitter (deterministic runs). */
  seed?: number;
  now?: () => Date;
  firstTrace?: number;
  firstReceipt?: number;
  /** Keep the journal and counters in this file across restarts (as a real terminal does). */
  journalFile?: string;
  /** The terminal's clock zone (Gulf terminals run on local time; default Asia/Kuwait, UTC+3 like Bahrain and Qatar). */
  timeZone?: string;
}

type SimInbox = 'ack' | 'abort' | 'gone';

/** The device side of ZVT: a payment terminal over any Transport, with its own journal. */
export class ZvtTerminalSimulator {
  readonly #opts: Required<Omit<ZvtSimulatorOptions, 'seed' | 'now' | 'firstTrace' | 'firstReceipt' | 'journalFile' | 'timeZone'>>;
  readonly #journal: SimJournal;
  readonly #registration: { registered: boolean; currencyNumeric?: number } = { registered: false };
  readonly #timers = new Set<NodeJS.Timeout>();
  #transport: Transport | undefined;
  #link: ZvtLink | undefined;
  #inbox = new Inbox<SimInbox>();
  #busy = false;
  #rng: number;
  #frameFaults = { noAck: 0, nakStorm: 0, badCrc: 0 };
  #appFault: 'dropAfterApproval' | 'timeout' | 'visitorAbort' | undefined;
  #commands = 0;
  #next: NextPayment | undefined;

  constructor(options: ZvtSimulatorOptions = {}) {
    this.#opts = {
      password: options.password ?? '000000',
      terminalId: options.terminalId ?? '52001234',
      decide: options.decide ?? defaultDecisionRule,
      card: options.card ?? DEFAULT_SIM_CARD,
      delayScale: options.delayScale ?? 1,
      delayRangeMs: options.delayRangeMs ?? [50, 200],
      cardWaitRepeats: options.cardWaitRepeats ?? 1,
      ecrReplyTimeoutMs: options.ecrReplyTimeoutMs ?? 5_000,
      ackTimeoutMs: options.ackTimeoutMs ?? 5_000,
      maxResends: options.maxResends ?? 3,
    };
    this.#journal = new SimJournal({ now: options.now, firstTrace: options.firstTrace, firstReceipt: options.firstReceipt, file: options.journalFile, timeZone: options.timeZone });
    this.#rng = (options.seed ?? 0x5eed) >>> 0;
  }

  get journal(): readonly JournalEntry[] {
    return this.#journal.entries;
  }

  get registered(): boolean {
    return this.#registration.registered;
  }

  /** ECR commands received (for tests: e.g. proving an authorization was never sent twice). */
  get commandsReceived(): number {
    return this.#commands;
  }

  /** Connects the terminal to a link; a previous link is detached (the journal stays). */
  attach(transport: Transport): void {
    this.detach();
    this.#transport = transport;
    this.#link = new ZvtLink(transport, {
      ackTimeoutMs: this.#opts.ackTimeoutMs,
      charTimeoutMs: 500,
      maxResends: this.#opts.maxResends,
      receivePolicy: () => {
        if (this.#frameFaults.noAck > 0) return this.#frameFaults.noAck--, 'ignore';
        if (this.#frameFaults.nakStorm > 0) return this.#frameFaults.nakStorm--, 'nak';
        return 'ack';
      },
      mangleOutgoing: (frame) => {
        if (this.#frameFaults.badCrc <= 0) return frame;
        this.#frameFaults.badCrc--;
        const bad = Uint8Array.from(frame);
        bad[bad.length - 1]! ^= 0xff;
        return bad;
      },
    });
    this.#link.onMessage((bytes) => this.#onMessage(bytes));
    this.#link.onClose(() => this.#inbox.push('gone'));
  }

  /** Disconnects from the current link without closing it. */
  detach(): void {
    this.#link?.detach();
    this.#link = undefined;
    this.#transport = undefined;
    this.#inbox.push('gone');
  }

  injectFault(fault: ZvtFault, options: { count?: number } = {}): void {
    // NAKs are answered by resends, so a storm must outlast them; one ignored frame is enough for noAck
    // (a payment is never resent on silence).
    if (fault === 'nakStorm') this.#frameFaults.nakStorm = options.count ?? 1 + this.#opts.maxResends;
    else if (fault === 'noAck' || fault === 'badCrc') this.#frameFaults[fault] = options.count ?? 1;
    else this.#appFault = fault;
  }

  /** The terminal restarted while the link stayed open: it forgets the ECR's registration. */
  forgetRegistration(): void {
    this.#registration.registered = false;
  }

  /** Sets what the next payment does (approve, decline, a long PIN entry, slow steps, the link dropping after approval). */
  setNextPayment(next: NextPayment | undefined): void {
    this.#next = next;
    if (next === 'linkDrop') this.injectFault('dropAfterApproval');
  }

  get nextPayment(): NextPayment | undefined {
    return this.#next;
  }

  clearFaults(): void {
    this.#frameFaults = { noAck: 0, nakStorm: 0, badCrc: 0 };
    this.#appFault = undefined;
  }

  /** Detaches, cancels pending delays and closes the attached Transport. */
  async close(): Promise<void> {
    const t = this.#transport;
    this.detach();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    await t?.close().catch(() => undefined);
  }

  #onMessage(bytes: Uint8Array): void {
    const apdu = parseApdu(bytes);
    const c: EcrCommand = apdu.ok ? decodeEcrCommand(apdu.value) : { type: 'malformed', control: 0, error: apdu.error };
    if (c.type === 'ack' || c.type === 'abort' || c.type === 'nack') {
      // Answers to the message the terminal just sent (06 B0 replaces 80 00 00 to abort).
      if (this.#busy) this.#inbox.push(c.type === 'abort' ? 'abort' : 'ack');
      return;
    }
    if (this.#busy) return; // the ECR must not start a command while the terminal holds master rights
    this.#commands++;
    void this.#run(c);
  }

  async #run(c: EcrCommand): Promise<void> {
    this.#busy = true;
    this.#inbox = new Inbox<SimInbox>();
    const ctx = this.#context(c.type === 'authorization');
    try {
      switch (c.type) {
        case 'registration': return await flows.registrationFlow(ctx, c);
        case 'authorization': return await flows.authorizationFlow(ctx, c);
        case 'reversal': return await flows.reversalFlow(ctx, c);
        case 'repeatReceipt': return await flows.repeatReceiptFlow(ctx, c);
        case 'endOfDay': return await flows.endOfDayFlow(ctx, c);
        case 'statusEnquiry': return await flows.statusEnquiryFlow(ctx, c);
        case 'diagnosis': return await flows.diagnosisFlow(ctx, c);
        case 'logOff':
          await ctx.send(positiveAck());
          return;
        default:
          // Unknown or malformed command: 84 83 00 (function not possible).
          await ctx.send(negativeAck(RESULT.functionNotPossible));
      }
    } finally {
      this.#busy = false;
    }
  }

  #context(payment = false): flows.FlowContext {
    const link = this.#link;
    const inbox = this.#inbox;
    const next = payment ? this.#next : undefined;
    if (payment) this.#next = undefined;
    const slow = next === 'slow' ? 6 : 1;
    return {
      send: async (apdu) => (link ? (await link.send(apdu, { resendOnTimeout: true })) === 'acked' : false),
      reply: async () => {
        const r = await inbox.next(this.#opts.ecrReplyTimeoutMs);
        return r === 'timeout' ? 'gone' : r;
      },
      delay: () => this.#delay(slow),
      ...(next === 'pin' && { pinDelay: () => this.#delay(20) }),
      dropLink: async () => {
        const t = this.#transport;
        this.detach();
        await t?.close().catch(() => undefined);
      },
      journal: this.#journal,
      decide: next === 'approve' ? (): Decision => ({ approve: true }) : next === 'decline' ? (): Decision => ({ approve: false, resultCode: DECLINE_DO_NOT_HONOUR }) : this.#opts.decide,
      card: this.#opts.card,
      terminalId: this.#opts.terminalId,
      password: this.#opts.password,
      cardWaitRepeats: this.#opts.cardWaitRepeats * slow,
      registration: this.#registration,
      takeFault: () => {
        const f = this.#appFault;
        this.#appFault = undefined;
        return f;
      },
    };
  }

  #delay(factor = 1): Promise<void> {
    const [min, max] = this.#opts.delayRangeMs;
    // mulberry32: small deterministic jitter without global state.
    this.#rng = (this.#rng + 0x6d2b79f5) >>> 0;
    let t = this.#rng;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    // A demo's "slow" or "PIN" still takes time when tests run the terminal without delays.
    const ms = (min + unit * (max - min)) * (factor > 1 ? Math.max(1, this.#opts.delayScale) * factor : this.#opts.delayScale);
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        resolve();
      }, ms);
      this.#timers.add(timer);
    });
  }
}

/** Convenience: a simulator already attached to `transport`. */
export function createZvtSimulator(transport: Transport, options: ZvtSimulatorOptions = {}): ZvtTerminalSimulator {
  const sim = new ZvtTerminalSimulator(options);
  sim.attach(transport);
  return sim;
}
