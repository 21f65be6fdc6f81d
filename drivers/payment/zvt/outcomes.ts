import type { EndOfDayResult, LastTransaction, PaymentOutcome } from '../terminal.ts';
import { RESULT, resultText } from './codes.ts';
import type { ExchangeResult } from './exchange.ts';
import { toTerminalReceipt } from './receipt.ts';
import type { StatusInfo } from './status-info.ts';

/** The status information that carries the transaction result (the last one with a result code). */
function resultInfo(infos: readonly StatusInfo[]): StatusInfo | undefined {
  return [...infos].reverse().find((i) => i.resultCode !== undefined) ?? infos[infos.length - 1];
}

/** Maps an authorization or reversal exchange. Anything short of a definite answer is `unknown`. */
/** The terminal's receipt, with the lines it sent for the ECR to print (the cardholder copy). */
function withPrints(info: StatusInfo, prints: readonly string[], now: Date, currency: number, timeZone: string | undefined) {
  const receipt = toTerminalReceipt(info, now, currency, timeZone);
  return receipt && prints.length > 0 ? { ...receipt, printLines: [...prints] } : receipt;
}

export function paymentOutcome(ex: ExchangeResult, now: Date, currency: number, timeZone?: string): PaymentOutcome {
  switch (ex.kind) {
    case 'completed': {
      const info = resultInfo(ex.infos);
      if (!info) return { kind: 'unknown', reason: 'completionWithoutStatusInformation' };
      const code = info.resultCode ?? RESULT.success;
      if (code !== RESULT.success) return { kind: 'declined', resultCode: code, reason: resultText(code) };
      const receipt = withPrints(info, ex.prints, now, currency, timeZone);
      // Approved but without trace/receipt numbers: money may have moved, so reconcile.
      return receipt ? { kind: 'approved', receipt } : { kind: 'unknown', reason: 'approvalWithoutReceiptData' };
    }
    case 'abortedByPt':
      if (ex.resultCode === undefined || ex.resultCode === RESULT.aborted) {
        return { kind: 'aborted', reason: resultText(RESULT.aborted) };
      }
      return { kind: 'declined', resultCode: ex.resultCode, reason: resultText(ex.resultCode) };
    case 'refused':
      // Not registered (restarted on a link that stayed open): nothing was charged; register again, try again.
      if (ex.code === RESULT.notRegistered) return { kind: 'aborted', reason: 'terminalNotRegistered' };
      return { kind: 'declined', resultCode: ex.code, reason: `terminal refused the command: ${resultText(ex.code)}` };
    case 'notDelivered':
      // A NAK on every attempt is a definite "not received"; silence or a closed link is not.
      return ex.reason === 'rejected'
        ? { kind: 'aborted', reason: 'frameRejected' }
        : { kind: 'unknown', reason: ex.reason === 'noAck' ? 'noAck' : 'linkLost' };
    case 'lost':
      return { kind: 'unknown', reason: ex.reason };
  }
}

export function lastTransactionOutcome(ex: ExchangeResult, now: Date, currency: number, timeZone?: string): LastTransaction {
  switch (ex.kind) {
    case 'completed': {
      const info = resultInfo(ex.infos);
      // No status information is missing evidence, never "nothing was charged".
      if (!info) return { kind: 'unavailable', reason: 'noStatusInformation' };
      const code = info.resultCode ?? RESULT.success;
      if (code !== RESULT.success) {
        return { kind: 'notApproved', traceNumber: info.traceNumber, resultCode: code };
      }
      const receipt = withPrints(info, ex.prints, now, currency, timeZone);
      return receipt ? { kind: 'approved', receipt } : { kind: 'unavailable', reason: 'incompleteReceiptData' };
    }
    case 'abortedByPt':
      return { kind: 'unavailable', reason: resultText(ex.resultCode ?? RESULT.systemError) };
    case 'refused':
      return { kind: 'unavailable', reason: resultText(ex.code) };
    case 'notDelivered':
      return { kind: 'unavailable', reason: ex.reason };
    case 'lost':
      return { kind: 'unavailable', reason: ex.reason };
  }
}

export function endOfDayOutcome(ex: ExchangeResult): EndOfDayResult {
  switch (ex.kind) {
    case 'completed': {
      const info = resultInfo(ex.infos) ?? ex.completion;
      const code = info.resultCode ?? RESULT.success;
      const count = info.totals?.groups.reduce((n, g) => n + g.count, 0);
      const terminalId = info.terminalId ?? ex.completion.terminalId;
      return {
        ok: code === RESULT.success, totalMinor: info.amountMinor, count, resultCode: code,
        ...(terminalId && { terminalId }), ...(ex.prints.length > 0 && { printLines: [...ex.prints] }),
      };
    }
    case 'abortedByPt':
      return { ok: false, resultCode: ex.resultCode };
    case 'refused':
      return { ok: false, resultCode: ex.code };
    default:
      return { ok: false };
  }
}
