import type { EcrCommand } from '../zvt/commands.ts';
import { negativeAck, positiveAck } from '../zvt/commands.ts';
import { ISTATUS, RESULT } from '../zvt/codes.ts';
import type { StatusInfo } from '../zvt/status-info.ts';
import { abortFromPt, completion, intermediateStatus, printLine, statusInformation } from '../zvt/terminal-messages.ts';
import type { JournalEntry, SimJournal } from './journal.ts';
import type { DecisionRule, SimCard } from './rules.ts';

/** What a flow needs from the simulator: sending, waiting for the ECR's answer, delays, state. */
export interface FlowContext {
  /** Sends a message; false when the link is gone or the ECR never ACKed it. */
  send(apdu: Uint8Array): Promise<boolean>;
  /** The ECR's answer to the message just sent: 'ack' (80 00 00), 'abort' (06 B0) or 'gone'. */
  reply(): Promise<'ack' | 'abort' | 'gone'>;
  delay(): Promise<void>;
  dropLink(): Promise<void>;
  journal: SimJournal;
  decide: DecisionRule;
  card: SimCard;
  terminalId: string;
  password: string;
  cardWaitRepeats: number;
  registration: { registered: boolean; currencyNumeric?: number };
  /** The visitor at the PIN pad (a demo can make it long); the ordinary step delay if absent. */
  pinDelay?(): Promise<void>;
  /** Consumes the armed application-level fault for this authorization, if any. */
  takeFault(): 'dropAfterApproval' | 'timeout' | 'visitorAbort' | undefined;
}

type Step = 'ack' | 'abort' | 'gone';

/** Sends one terminal message and waits for its 80 00 00 (or 06 B0). */
async function say(ctx: FlowContext, apdu: Uint8Array): Promise<Step> {
  if (!(await ctx.send(apdu))) return 'gone';
  return ctx.reply();
}

function receiptInfo(e: JournalEntry, terminalId: string): StatusInfo {
  const info: StatusInfo = {
    resultCode: e.resultCode, amountMinor: e.amountMinor, currencyNumeric: e.currencyNumeric,
    traceNumber: e.traceNumber, time: e.time, date: e.date, terminalId,
  };
  if (e.maskedPan) info.pan = e.maskedPan;
  if (e.authCode) info.authCode = e.authCode;
  if (e.receiptNumber !== undefined) info.receiptNumber = e.receiptNumber;
  if (e.originalTrace !== undefined) info.originalTrace = e.originalTrace;
  if (e.cardType !== undefined) info.cardType = e.cardType;
  if (e.cardName !== undefined) info.cardName = e.cardName;
  return info;
}

/** ISO 4217 numeric → alphabetic code and minor digits, for the simulated terminal's paper. */
const CURRENCIES: Readonly<Record<number, [string, number]>> = { 414: ['KWD', 3], 48: ['BHD', 3], 634: ['QAR', 2] };

/** The cardholder receipt as a terminal formats it for an ECR that prints: short Latin lines. */
export function receiptLines(e: JournalEntry, terminalId: string, title: string): string[] {
  const [code, digits] = CURRENCIES[e.currencyNumeric] ?? [String(e.currencyNumeric), 2];
  const major = Math.floor(e.amountMinor / 10 ** digits);
  const minor = String(e.amountMinor % 10 ** digits).padStart(digits, '0');
  const date = `${e.date.slice(2, 4)}.${e.date.slice(0, 2)}. ${e.time.slice(0, 2)}:${e.time.slice(2, 4)}:${e.time.slice(4, 6)}`;
  return [
    'CARDHOLDER COPY',
    title,
    `TID ${terminalId}`,
    `DATE ${date}`,
    `TRACE ${String(e.traceNumber).padStart(6, '0')}  RCPT ${e.receiptNumber === undefined ? '-' : String(e.receiptNumber).padStart(4, '0')}`,
    ...(e.cardName ? [e.cardName] : []),
    ...(e.maskedPan ? [e.maskedPan] : []),
    ...(e.authCode ? [`AUTH CODE ${e.authCode}`] : []),
    `AMOUNT ${code} ${major}.${minor}`,
    'PLEASE RETAIN RECEIPT',
  ];
}

async function printReceipt(ctx: FlowContext, e: JournalEntry, title: string): Promise<Step> {
  for (const line of receiptLines(e, ctx.terminalId, title)) {
    const r = await say(ctx, printLine(line));
    if (r !== 'ack') return r;
  }
  return 'ack';
}

/** Ends with 06 1E and the result code; the ECR answers 80 00 00. */
async function fail(ctx: FlowContext, code: number): Promise<void> {
  await say(ctx, abortFromPt(code));
}

function passwordOk(ctx: FlowContext, pw: string): boolean {
  return pw === ctx.password;
}

export async function registrationFlow(ctx: FlowContext, c: Extract<EcrCommand, { type: 'registration' }>): Promise<void> {
  if (!passwordOk(ctx, c.password)) {
    await ctx.send(negativeAck(RESULT.functionNotPossible));
    return;
  }
  ctx.registration.registered = true;
  ctx.registration.currencyNumeric = c.currencyNumeric;
  if (!(await ctx.send(positiveAck()))) return;
  await say(ctx, completion({ statusByte: 0, terminalId: ctx.terminalId, currencyNumeric: c.currencyNumeric }));
}

export async function authorizationFlow(ctx: FlowContext, c: Extract<EcrCommand, { type: 'authorization' }>): Promise<void> {
  if (!ctx.registration.registered) {
    await ctx.send(negativeAck(0x6b)); // function deactivated (PT not registered)
    return;
  }
  const currency = c.currencyNumeric ?? ctx.registration.currencyNumeric ?? 0;
  const fault = ctx.takeFault();
  if (!(await ctx.send(positiveAck()))) return;
  if (ctx.registration.currencyNumeric !== undefined && currency !== ctx.registration.currencyNumeric) {
    return fail(ctx, RESULT.wrongCurrency);
  }
  // Waiting for the card: the status is repeated, and each repeat is a chance for the ECR to abort.
  for (let i = 0; i <= ctx.cardWaitRepeats; i++) {
    const r = await say(ctx, intermediateStatus(ISTATUS.insertCard, { text: ['Insert / tap card'] }));
    if (r === 'gone') return;
    if (r === 'abort') return fail(ctx, RESULT.aborted);
    if (fault === 'timeout') return; // the terminal hangs: nothing more is sent
    await ctx.delay();
    if (fault === 'visitorAbort') return fail(ctx, RESULT.aborted);
  }
  const pin = await say(ctx, intermediateStatus(ISTATUS.watchPinPad, { text: ['Enter PIN'] }));
  if (pin === 'gone') return;
  if (pin === 'abort') return fail(ctx, RESULT.aborted);
  await (ctx.pinDelay ?? ctx.delay)();
  // From here the host is involved; a late 06 B0 is answered like 80 00 00 (too late to abort).
  if ((await say(ctx, intermediateStatus(ISTATUS.waitingForHost, { text: ['Please wait'] }))) === 'gone') return;
  await ctx.delay();
  const decision = ctx.decide(c.amountMinor, currency);
  const entry = ctx.journal.recordPayment(c.amountMinor, currency, ctx.card, decision.approve ? 0 : decision.resultCode);
  if (!entry.approved) {
    if ((await say(ctx, intermediateStatus(ISTATUS.declined, { text: ['Declined'] }))) === 'gone') return;
    return fail(ctx, entry.resultCode);
  }
  if (fault === 'dropAfterApproval') return ctx.dropLink();
  if ((await say(ctx, intermediateStatus(ISTATUS.removeCard, { text: ['Approved', 'Remove card'] }))) === 'gone') return;
  if ((await say(ctx, statusInformation(receiptInfo(entry, ctx.terminalId)))) === 'gone') return;
  if ((await printReceipt(ctx, entry, 'PAYMENT APPROVED')) === 'gone') return;
  await say(ctx, completion());
}

export async function reversalFlow(ctx: FlowContext, c: Extract<EcrCommand, { type: 'reversal' }>): Promise<void> {
  if (!passwordOk(ctx, c.password) || !ctx.registration.registered) {
    await ctx.send(negativeAck(RESULT.functionNotPossible));
    return;
  }
  if (!(await ctx.send(positiveAck()))) return;
  const original = c.receiptNumber === undefined ? undefined : ctx.journal.findPayment(c.receiptNumber);
  if (!original) return fail(ctx, RESULT.reversalNotPossible);
  if (original.reversed) return fail(ctx, RESULT.alreadyReversed);
  if ((await say(ctx, intermediateStatus(ISTATUS.waitingForHost))) === 'gone') return;
  await ctx.delay();
  const entry = ctx.journal.recordReversal(original);
  if ((await say(ctx, statusInformation(receiptInfo(entry, ctx.terminalId)))) === 'gone') return;
  if ((await printReceipt(ctx, entry, 'REVERSAL')) === 'gone') return;
  await say(ctx, completion());
}

export async function repeatReceiptFlow(ctx: FlowContext, c: Extract<EcrCommand, { type: 'repeatReceipt' }>): Promise<void> {
  if (!passwordOk(ctx, c.password)) {
    await ctx.send(negativeAck(RESULT.functionNotPossible));
    return;
  }
  if (!(await ctx.send(positiveAck()))) return;
  const last = [...ctx.journal.entries].reverse().find((e) => e.kind !== 'endOfDay');
  // Nothing to repeat: completion without status information.
  if (last && (await say(ctx, statusInformation(receiptInfo(last, ctx.terminalId)))) === 'gone') return;
  // A repeated approval comes with its receipt copy, as a terminal prints it for the ECR.
  if (last?.approved && (await printReceipt(ctx, last, last.kind === 'reversal' ? 'REVERSAL (COPY)' : 'PAYMENT APPROVED (COPY)')) === 'gone') return;
  await say(ctx, completion());
}

export async function endOfDayFlow(ctx: FlowContext, c: Extract<EcrCommand, { type: 'endOfDay' }>): Promise<void> {
  if (!passwordOk(ctx, c.password) || !ctx.registration.registered) {
    await ctx.send(negativeAck(RESULT.functionNotPossible));
    return;
  }
  if (!(await ctx.send(positiveAck()))) return;
  if ((await say(ctx, intermediateStatus(ISTATUS.waitingForHost))) === 'gone') return;
  await ctx.delay();
  const day = ctx.journal.closeDay(ctx.registration.currencyNumeric ?? 0);
  const info: StatusInfo = {
    resultCode: 0, amountMinor: day.entry.amountMinor, traceNumber: day.entry.traceNumber,
    receiptNumber: day.entry.receiptNumber, date: day.entry.date, time: day.entry.time, terminalId: ctx.terminalId,
    totals: { firstReceipt: day.firstReceipt, lastReceipt: day.lastReceipt, groups: [{ count: day.count, amountMinor: day.entry.amountMinor }] },
  };
  if ((await say(ctx, statusInformation(info))) === 'gone') return;
  await say(ctx, completion());
}

/** 06 70: asks the host, then reports how it went (always fine in the simulator). */
export async function diagnosisFlow(ctx: FlowContext, c: Extract<EcrCommand, { type: 'diagnosis' }>): Promise<void> {
  if (!passwordOk(ctx, c.password)) {
    await ctx.send(negativeAck(RESULT.functionNotPossible));
    return;
  }
  if (!(await ctx.send(positiveAck()))) return;
  if ((await say(ctx, intermediateStatus(ISTATUS.waitingForHost))) === 'gone') return;
  await ctx.delay();
  if ((await say(ctx, statusInformation({ resultCode: 0, terminalId: ctx.terminalId }))) === 'gone') return;
  await say(ctx, completion());
}

export async function statusEnquiryFlow(ctx: FlowContext, c: Extract<EcrCommand, { type: 'statusEnquiry' }>): Promise<void> {
  if (!passwordOk(ctx, c.password)) {
    await ctx.send(negativeAck(RESULT.functionNotPossible));
    return;
  }
  if (!(await ctx.send(positiveAck()))) return;
  if ((await say(ctx, statusInformation({ resultCode: 0, terminalId: ctx.terminalId }))) === 'gone') return;
  await say(ctx, completion());
}
