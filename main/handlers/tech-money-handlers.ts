import type { Handlers } from '../bridge/dispatcher.ts';
import type { TechEndOfDayView, TechMoneyMethod, TerminalAnswerView, TechRole } from '../contract/api.ts';
import type { CurrencyCode } from '../contract/types.ts';
import { KioskError } from '../contract/result.ts';
import type { LastTransaction } from '../../drivers/payment/terminal.ts';
import type { MoneyDesk } from '../payment/money-desk.ts';
import { endOfDayVerdict, type EndOfDay } from '../payment/end-of-day.ts';
import type { EndOfDayRecord } from '../store/end-of-day-repo.ts';
import type { AuditRepo } from '../store/audit-repo.ts';
import { instantToLocal } from '../payment/terminal-time.ts';
import { flagReasonCode } from '../payment/reconcile.ts';
import { scrubDigits } from '../technician/diagnostics.ts';

export interface MoneyHandlerDeps {
  desk: MoneyDesk;
  endOfDay: EndOfDay;
  audit: AuditRepo;
  /** The signed-in technician (the guard has already checked there is one). */
  who: () => { name: string; role: TechRole };
  currency: CurrencyCode;
  timeZone: string;
  now: () => Date;
}

/** The terminal's answer without the masked card number (a technician never sees card data). */
export function answerView(a: LastTransaction | null): TerminalAnswerView | null {
  if (!a) return null;
  if (a.kind !== 'approved') return a;
  const r = a.receipt;
  // The terminal's own clock, as it reported it: a wrong clock is what the technician must see.
  return { kind: 'approved', amountMinor: r.amountMinor, traceNumber: r.traceNumber, receiptNumber: r.receiptNumber, terminalId: r.terminalId, authCode: r.authCode, cardType: r.cardType, localTime: r.dateTime.replace('T', ' ') };
}

export function endOfDayView(e: EndOfDayRecord, timeZone: string): TechEndOfDayView {
  return {
    id: e.id,
    localTime: instantToLocal(Date.parse(e.at), timeZone).replace('T', ' '),
    startedBy: e.startedBy,
    ok: e.ok,
    resultCode: e.resultCode,
    terminalTotalMinor: e.terminalTotalMinor,
    terminalCount: e.terminalCount,
    kioskTotalMinor: e.kioskTotalMinor,
    kioskCount: e.kioskCount,
    flaggedCount: e.flaggedCount,
    differenceMinor: e.differenceMinor,
    verdict: endOfDayVerdict(e),
  };
}

/** The money desk on the technician's screen: every action audited with who, when and what. */
export function techMoneyHandlers(d: MoneyHandlerDeps): Pick<Handlers, TechMoneyMethod> {
  const local = (iso: string) => instantToLocal(Date.parse(iso), d.timeZone).replace('T', ' ');
  return {
    'tech.money': () => ({
      currency: d.currency,
      canResolve: d.who().role === 'supervisor',
      flagged: d.desk.flagged().map((f) => ({
        transactionId: f.transactionId,
        reference: f.reference,
        amountMinor: f.amountMinor,
        currency: f.currency as CurrencyCode,
        localTime: local(f.createdAt),
        reasonCode: flagReasonCode(f.reason),
        reason: f.reason,
        items: f.items.map((i) => ({ kind: i.kind })),
        terminalAnswer: answerView(f.terminalAnswer),
        answerTaken: f.answerTaken,
      })),
      deadLetters: d.desk.deadLetters().map((x) => ({ rowId: x.rowId, kind: x.kind, transactionId: x.transactionId, attempts: x.attempts, reason: x.reason === null ? null : scrubDigits(x.reason), localTime: local(x.createdAt) })),
      lanes: d.desk.lanes(),
      endOfDay: d.endOfDay.repo.recent(10).map((e) => endOfDayView(e, d.timeZone)),
    }),
    'tech.retryFlagged': async ({ transactionId }) => {
      if (!d.desk.flagged().some((f) => f.transactionId === transactionId)) throw new KioskError('conflict', 'payment is not flagged');
      // One thing at a time at the terminal: a retry never runs beside an end of day.
      if (d.endOfDay.busy()) throw new KioskError('conflict', 'the terminal is busy (a payment or an end of day): try again in a moment');
      return { state: await d.desk.retry(transactionId, d.who().name) };
    },
    'tech.resolveFlagged': ({ transactionId, outcome, reason }) => {
      const who = d.who();
      // Settling money by hand is a supervisor's decision; the refusal is audited too.
      if (who.role !== 'supervisor') {
        d.audit.append({ at: d.now().toISOString(), actor: who.name, action: 'payment.resolveRefused', detail: { transactionId, role: who.role } });
        throw new KioskError('unauthorized', 'only a supervisor may resolve a flagged payment');
      }
      return { state: d.desk.resolve(transactionId, outcome, reason, who.name) };
    },
    'tech.requeue': ({ rowId, reason }) => {
      d.desk.requeue(rowId, reason, d.who().name);
      return null;
    },
    'tech.endOfDay': async () => {
      // Refused (conflict) while a payment or another end of day is in progress.
      const record = await d.endOfDay.run('technician');
      d.audit.append({ at: d.now().toISOString(), actor: d.who().name, action: 'endOfDay.run', detail: { id: record.id, ok: record.ok, differenceMinor: record.differenceMinor } });
      return endOfDayView(record, d.timeZone);
    },
    'tech.printEndOfDay': async ({ id, locale }) => {
      const printed = await d.endOfDay.print(id, locale);
      d.audit.append({ at: d.now().toISOString(), actor: d.who().name, action: 'endOfDay.printed', detail: { id, printed } });
      return { printed };
    },
  };
}
