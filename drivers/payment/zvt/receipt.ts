import type { TerminalReceipt } from '../terminal.ts';
import { maskPan } from './bcd.ts';
import { CARD_TYPE_NAMES } from './codes.ts';
import type { StatusInfo } from './status-info.ts';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * The ECR's calendar date in the terminal's zone. The terminal reports wall-clock time where it
 * stands (the country profile's zone), which need not be the zone the kiosk process runs in.
 */
function today(now: Date, timeZone: string | undefined): { year: number; month: number; day: number } {
  if (!timeZone) return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, calendar: 'gregory', numberingSystem: 'latn', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/**
 * ISO 8601 local date-time from the terminal's MMDD + HHMMSS. The year comes from BMP AA when
 * sent, else from the ECR's date in `timeZone` (last year if the date would lie more than a day
 * in the future, i.e. a transaction from 31 Dec read on 1 Jan). Without a zone: the process's.
 */
export function terminalDateTime(info: StatusInfo, now: Date, timeZone?: string): string {
  const time = info.time && /^\d{6}$/.test(info.time) ? info.time : '000000';
  const local = today(now, timeZone);
  let year = local.year;
  let mmdd = info.date && /^\d{4}$/.test(info.date) ? info.date : undefined;
  if (info.dateWithYear && /^\d{6}$/.test(info.dateWithYear)) {
    year = 2000 + Number(info.dateWithYear.slice(0, 2));
    mmdd = info.dateWithYear.slice(2);
  } else if (mmdd) {
    // Calendar days compared as UTC midnights: no zone or DST arithmetic involved.
    const candidate = Date.UTC(year, Number(mmdd.slice(0, 2)) - 1, Number(mmdd.slice(2)));
    if (candidate - Date.UTC(local.year, local.month - 1, local.day) > 86_400_000) year -= 1;
  }
  if (!mmdd) mmdd = `${pad(local.month)}${pad(local.day)}`;
  return `${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4)}`;
}

/**
 * Builds the kiosk receipt from a status information. Returns undefined when the fields that
 * identify the transaction (amount, trace, receipt number) are missing: the caller must then
 * reconcile rather than invent them.
 */
export function toTerminalReceipt(info: StatusInfo, now: Date, fallbackCurrency: number, timeZone?: string): TerminalReceipt | undefined {
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
    dateTime: terminalDateTime(info, now, timeZone),
  };
}
