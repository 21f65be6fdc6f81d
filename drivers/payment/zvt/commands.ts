import { encodeApdu, type Apdu } from './apdu.ts';
import { decodeBcd, decodeBcdNumber, encodeBcd } from './bcd.ts';
import { BMP, encodeBmps, findBmp, parseBmps } from './bmp.ts';
import { CMD } from './codes.ts';

/** ECR → PT command builders. Each returns the APDU bytes (before framing). */

const hi = (c: number): number => c >> 8;
const lo = (c: number): number => c & 0xff;

function password(pw: string): Uint8Array {
  if (!/^\d{6}$/.test(pw)) throw new RangeError('ZVT password must be 6 digits');
  return encodeBcd(pw, 3);
}

function cat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** 06 00: password, config byte, currency code (2 BCD, untagged in this command). */
export function registration(pw: string, configByte: number, currencyNumeric: number): Uint8Array {
  return encodeApdu(6, 0, cat(password(pw), Uint8Array.of(configByte & 0xff), encodeBcd(currencyNumeric, 2)));
}

/** 06 01: BMP 04 amount (6 BCD, minor units), BMP 49 currency. No password in this command. */
export function authorization(amountMinor: number, currencyNumeric: number): Uint8Array {
  return encodeApdu(
    6,
    1,
    encodeBmps([
      { bmp: BMP.amount, value: encodeBcd(amountMinor, 6) },
      { bmp: BMP.currency, value: encodeBcd(currencyNumeric, 2) },
    ]),
  );
}

/** 06 30: password, BMP 87 receipt number of the payment to reverse. */
export function reversal(pw: string, receiptNumber: number): Uint8Array {
  return encodeApdu(6, 0x30, cat(password(pw), encodeBmps([{ bmp: BMP.receiptNumber, value: encodeBcd(receiptNumber, 2) }])));
}

export const repeatReceipt = (pw: string): Uint8Array => encodeApdu(6, 0x20, password(pw));
export const endOfDay = (pw: string): Uint8Array => encodeApdu(6, 0x50, password(pw));
export const statusEnquiry = (pw: string): Uint8Array => encodeApdu(5, 1, password(pw));
/** 06 70: the terminal checks itself and its host connection (a technician's test). */
export const diagnosis = (pw: string): Uint8Array => encodeApdu(6, 0x70, password(pw));
export const abortCommand = (): Uint8Array => encodeApdu(hi(CMD.abortFromEcr), lo(CMD.abortFromEcr));
export const logOff = (): Uint8Array => encodeApdu(6, 2);
/** 80 00 00: positive acknowledgement of a PT message (or of an ECR command, from the PT). */
export const positiveAck = (): Uint8Array => encodeApdu(0x80, 0);
/** 84 xx 00: negative acknowledgement with error code xx. */
export const negativeAck = (code: number): Uint8Array => encodeApdu(0x84, code & 0xff);

/** An ECR command as the simulator understands it. */
export type EcrCommand =
  | { type: 'registration'; password: string; configByte: number; currencyNumeric?: number }
  | { type: 'authorization'; amountMinor: number; currencyNumeric?: number }
  | { type: 'reversal'; password: string; receiptNumber?: number }
  | { type: 'repeatReceipt'; password: string }
  | { type: 'endOfDay'; password: string }
  | { type: 'statusEnquiry'; password: string }
  | { type: 'diagnosis'; password: string }
  | { type: 'abort' }
  | { type: 'logOff' }
  | { type: 'ack' }
  | { type: 'nack'; code: number }
  | { type: 'malformed'; control: number; error: string }
  | { type: 'unknown'; control: number };

function readPassword(data: Uint8Array): string | undefined {
  return data.length >= 3 ? decodeBcd(data.subarray(0, 3)) : undefined;
}

/** Decodes untrusted bytes from the ECR side; never throws. */
export function decodeEcrCommand(apdu: Apdu): EcrCommand {
  const control = (apdu.cls << 8) | apdu.ins;
  const d = apdu.data;
  const bad = (error: string): EcrCommand => ({ type: 'malformed', control, error });
  if (apdu.cls === 0x84) return { type: 'nack', code: apdu.ins };
  switch (control) {
    case CMD.ack:
      return { type: 'ack' };
    case CMD.registration: {
      const pw = readPassword(d);
      if (pw === undefined || d.length < 4) return bad('registration needs password and config byte');
      const cc = d.length >= 6 ? decodeBcdNumber(d.subarray(4, 6)) : undefined;
      return { type: 'registration', password: pw, configByte: d[3]!, currencyNumeric: cc };
    }
    case CMD.authorization: {
      const p = parseBmps(d);
      const amount = findBmp(p.fields, BMP.amount);
      const amountMinor = amount ? decodeBcdNumber(amount.value) : undefined;
      if (p.error || amountMinor === undefined) return bad(p.error ?? 'authorization needs BMP 04');
      const cc = findBmp(p.fields, BMP.currency);
      return { type: 'authorization', amountMinor, currencyNumeric: cc ? decodeBcdNumber(cc.value) : undefined };
    }
    case CMD.reversal: {
      const pw = readPassword(d);
      if (pw === undefined) return bad('reversal needs a password');
      const p = parseBmps(d.subarray(3));
      if (p.error) return bad(p.error);
      const r = findBmp(p.fields, BMP.receiptNumber);
      return { type: 'reversal', password: pw, receiptNumber: r ? decodeBcdNumber(r.value) : undefined };
    }
    case CMD.repeatReceipt:
    case CMD.endOfDay:
    case CMD.statusEnquiry:
    case CMD.diagnosis: {
      const pw = readPassword(d);
      if (pw === undefined) return bad('command needs a password');
      const type = control === CMD.repeatReceipt ? 'repeatReceipt' : control === CMD.endOfDay ? 'endOfDay' : control === CMD.diagnosis ? 'diagnosis' : 'statusEnquiry';
      return { type, password: pw };
    }
    case CMD.abortFromEcr:
      return { type: 'abort' };
    case CMD.logOff:
      return { type: 'logOff' };
    default:
      return { type: 'unknown', control };
  }
}
