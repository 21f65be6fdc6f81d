import type { LateTerminalMessage, TerminalReceipt } from '../../drivers/payment/terminal.ts';
import type { AuditRepo } from '../store/audit-repo.ts';
import type { ItemHold, TerminalData } from '../store/transactions-repo.ts';
import type { Logger } from '../log/logger.ts';

/** What the journal keeps of a terminal's approval (masked card only). */
export const toTerminalData = (r: TerminalReceipt): TerminalData => ({
  authCode: r.authCode,
  maskedPan: r.maskedPan,
  receiptNumber: r.receiptNumber,
  traceNumber: r.traceNumber,
  terminalId: r.terminalId,
  cardType: r.cardType,
  dateTime: r.dateTime,
  ...(r.printLines && { printLines: r.printLines }),
});

/** Why an item cannot be paid again, for the visitor (no personal data: references only). */
export function heldMessage(holds: readonly ItemHold[]): string {
  return holds.map((h) => `${h.kind} ${h.reference} is ${h.state === 'approved' ? 'already paid at this kiosk' : 'being paid at this kiosk'}`).join('; ');
}


/**
 * A terminal message that came after the kiosk stopped waiting (timeout, reconciliation gave
 * up): kept in the audit log as evidence for the technician who resolves flagged payments.
 */
export function recordLateTerminalMessage(m: LateTerminalMessage, audit: AuditRepo, log: Logger, at: string): void {
  const r = m.receipt;
  const detail = { kind: m.kind, resultCode: m.resultCode, ...(r && { amountMinor: r.amountMinor, traceNumber: r.traceNumber, receiptNumber: r.receiptNumber, terminalId: r.terminalId }) };
  audit.append({ at, actor: 'terminal', action: 'terminal.lateMessage', detail });
  log.warn('payment', 'late message from the terminal', detail);
}
