import type { TerminalReceipt } from '../terminal.ts';
import { maskPan } from './bcd.ts';
import { CARD_TYPE_NAMES } from './codes.ts';
import type { StatusInfo } from './status-info.ts';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * ISO 8601 local date-time from the terminal's MMDD + HHMMSS. The year comes from BMP AA when
 * sent, else from the ECR clock (last year if the date would lie more than a day in the future,
 * i.e. a transaction from 31 Dec read on 1 Jan).
 */
export function terminalDateTime(info: StatusInfo, now: Date): string {
  const time = info.time && /^\d{6}$/.test(info.time) ? info.time : '000000';
  let year = now.getFullYear();
  let mmdd = info.date && /^\d{4}$/.test(info.date) ? info.date : undefined;
  if (info.dateWithYear && /^\d{6}$/.test(info.dateWithYear)) {
    year = 2000 + Number(info.dateWithYear.slice(0, 2));
    mmdd = info.dateWithYear.slice(2);
  } else if (mmdd) {
    const candidate = new Date(year, Number(mmdd.slice(0, 2)) - 1, Number(mmdd.slice(2)));
    if (candidate.getTime() - now.getTime() > 86_400_000) year -= 1;
  }
  if (!mmdd) mmdd = `${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  return `${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4)}`;
}

/**
 * Builds the kiosk receipt from a status information. Returns undefined when the fields that
 * identify the transaction (amount, trace, receipt number) are missing: the caller must then
 * reconcile rather than invent them.
 */
export function toTerminalReceipt(info: StatusInfo, now: Date, fallbackCurrency: number): TerminalReceipt | undefined {
  if (info.amountMinor === undefined || info.traceNumber === undefined || info.receiptNumber === undefined) {
    return undefined;
  }
  const cardType =
    info.cardName ?? (info.cardType !== undefined ? (CARD_TYPE_NAMES.get(info.cardType) ?? `card type ${info.cardType}`) : '');
  return {
    amountMinor: info.amountMinor,
    currencyNumeric: info.currencyNumeric ?? fallbackCurrency,
    traceNumber: info.traceNumber,
    receiptNumber: info.receiptNumber,
    terminalId: info.terminalId ?? '',
    cardType,
    maskedPan: info.pan ? maskPan(info.pan) : '',
    authCode: info.authCode ?? '',
    dateTime: terminalDateTime(info, now),
  };
}
