import { decodeBcd, decodeBcdNumber, decodePanNibbles, encodeBcd, encodePanNibbles } from './bcd.ts';
import { BMP, encodeBmps, parseBmps, type BmpField } from './bmp.ts';
import { latin1 } from './tlv.ts';

/** BMP 60 individual totals: receipt range, then (count, turnover) per card group. */
export interface IndividualTotals {
  firstReceipt: number;
  lastReceipt: number;
  groups: { count: number; amountMinor: number }[];
}

/** The typed content of a 04 0F status information (or the BMPs of a 06 0F completion). */
export interface StatusInfo {
  resultCode?: number;
  amountMinor?: number;
  currencyNumeric?: number;
  traceNumber?: number;
  originalTrace?: number;
  receiptNumber?: number;
  turnoverNumber?: number;
  terminalId?: string;
  cardType?: number;
  cardName?: string;
  /** As sent: '*' for masked digits. Always re-masked before it leaves the driver. */
  pan?: string;
  /** BMP 3B, 8 bytes (authorisation code / AID attribute). */
  authCode?: string;
  /** HHMMSS (BMP 0C). */
  time?: string;
  /** MMDD (BMP 0D). */
  date?: string;
  /** YYMMDD (BMP AA), when the terminal sends the year. */
  dateWithYear?: string;
  /** Registration completion: status byte (BMP 19). */
  statusByte?: number;
  totals?: IndividualTotals;
}

export interface StatusInfoParse {
  info: StatusInfo;
  /** Parsing stopped early or a field was malformed. */
  error?: string;
}

function parseTotals(v: Uint8Array): IndividualTotals | undefined {
  if (v.length < 4 || (v.length - 4) % 7 !== 0) return undefined;
  const first = decodeBcdNumber(v.subarray(0, 2));
  const last = decodeBcdNumber(v.subarray(2, 4));
  if (first === undefined || last === undefined) return undefined;
  const groups: IndividualTotals['groups'] = [];
  for (let o = 4; o < v.length; o += 7) {
    const amount = decodeBcdNumber(v.subarray(o + 1, o + 7));
    if (amount === undefined) return undefined;
    groups.push({ count: v[o]!, amountMinor: amount });
  }
  return { firstReceipt: first, lastReceipt: last, groups };
}

/** Reads the fields the kiosk needs; malformed values are skipped and reported, never thrown. */
export function statusInfoFromFields(fields: readonly BmpField[]): StatusInfoParse {
  const info: StatusInfo = {};
  const bad: string[] = [];
  const num = (v: Uint8Array, name: string): number | undefined => {
    const n = decodeBcdNumber(v);
    if (n === undefined) bad.push(name);
    return n;
  };
  for (const { bmp, value: v } of fields) {
    switch (bmp) {
      case BMP.resultCode: info.resultCode = v[0]; break;
      case BMP.amount: info.amountMinor = num(v, 'amount'); break;
      case BMP.currency: info.currencyNumeric = num(v, 'currency'); break;
      case BMP.traceNumber: info.traceNumber = num(v, 'trace'); break;
      case BMP.originalTrace: info.originalTrace = num(v, 'originalTrace'); break;
      case BMP.receiptNumber: info.receiptNumber = num(v, 'receipt'); break;
      case BMP.turnoverNumber: info.turnoverNumber = num(v, 'turnover'); break;
      case BMP.terminalId: info.terminalId = decodeBcd(v) ?? (bad.push('terminalId'), undefined); break;
      case BMP.cardType: info.cardType = v[0]; break;
      case BMP.cardName: info.cardName = latin1(v).replace(/\0+$/, ''); break;
      case BMP.pan: info.pan = decodePanNibbles(v) ?? (bad.push('pan'), undefined); break;
      case BMP.aid: info.authCode = latin1(v).replace(/[\0 ]+$/, ''); break;
      case BMP.time: info.time = decodeBcd(v) ?? (bad.push('time'), undefined); break;
      case BMP.date: info.date = decodeBcd(v) ?? (bad.push('date'), undefined); break;
      case BMP.dateWithYear: info.dateWithYear = decodeBcd(v) ?? (bad.push('dateWithYear'), undefined); break;
      case BMP.paymentType: info.statusByte = v[0]; break;
      case BMP.totals: info.totals = parseTotals(v) ?? (bad.push('totals'), undefined); break;
      default: break; // other BMPs are valid but not needed by the kiosk
    }
  }
  return bad.length ? { info, error: `malformed: ${bad.join(', ')}` } : { info };
}

export function parseStatusInfo(data: Uint8Array): StatusInfoParse {
  const parsed = parseBmps(data);
  const result = statusInfoFromFields(parsed.fields);
  const error = [parsed.error, result.error].filter(Boolean).join('; ');
  return error ? { info: result.info, error } : { info: result.info };
}

function ascii(s: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < Math.min(length, s.length); i++) out[i] = s.charCodeAt(i) & 0x7f;
  return out;
}

/** Encodes in the order terminals usually send them (result code first). */
export function encodeStatusInfo(info: StatusInfo): Uint8Array {
  const f: { bmp: number; value: Uint8Array }[] = [];
  if (info.resultCode !== undefined) f.push({ bmp: BMP.resultCode, value: Uint8Array.of(info.resultCode) });
  if (info.statusByte !== undefined) f.push({ bmp: BMP.paymentType, value: Uint8Array.of(info.statusByte) });
  if (info.amountMinor !== undefined) f.push({ bmp: BMP.amount, value: encodeBcd(info.amountMinor, 6) });
  if (info.currencyNumeric !== undefined) f.push({ bmp: BMP.currency, value: encodeBcd(info.currencyNumeric, 2) });
  if (info.traceNumber !== undefined) f.push({ bmp: BMP.traceNumber, value: encodeBcd(info.traceNumber, 3) });
  if (info.originalTrace !== undefined) f.push({ bmp: BMP.originalTrace, value: encodeBcd(info.originalTrace, 3) });
  if (info.time !== undefined) f.push({ bmp: BMP.time, value: encodeBcd(info.time, 3) });
  if (info.date !== undefined) f.push({ bmp: BMP.date, value: encodeBcd(info.date, 2) });
  if (info.pan !== undefined) f.push({ bmp: BMP.pan, value: encodePanNibbles(info.pan) });
  if (info.terminalId !== undefined) f.push({ bmp: BMP.terminalId, value: encodeBcd(info.terminalId, 4) });
  if (info.authCode !== undefined) f.push({ bmp: BMP.aid, value: ascii(info.authCode, 8) });
  if (info.receiptNumber !== undefined) f.push({ bmp: BMP.receiptNumber, value: encodeBcd(info.receiptNumber, 2) });
  if (info.turnoverNumber !== undefined) f.push({ bmp: BMP.turnoverNumber, value: encodeBcd(info.turnoverNumber, 3) });
  if (info.cardType !== undefined) f.push({ bmp: BMP.cardType, value: Uint8Array.of(info.cardType) });
  if (info.cardName !== undefined) f.push({ bmp: BMP.cardName, value: ascii(info.cardName, info.cardName.length) });
  if (info.totals !== undefined) {
    const t = info.totals;
    const v = [...encodeBcd(t.firstReceipt, 2), ...encodeBcd(t.lastReceipt, 2)];
    for (const g of t.groups) v.push(g.count & 0xff, ...encodeBcd(g.amountMinor, 6));
    f.push({ bmp: BMP.totals, value: Uint8Array.from(v) });
  }
  return encodeBmps(f);
}
