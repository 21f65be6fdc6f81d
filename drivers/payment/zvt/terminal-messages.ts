import { encodeApdu, type Apdu } from './apdu.ts';
import { encodeBmps, findBmp, parseBmps } from './bmp.ts';
import { CMD } from './codes.ts';
import { parseStatusInfo, encodeStatusInfo, type StatusInfo } from './status-info.ts';
import { encodeTlv, latin1, textLines } from './tlv.ts';

/** PT → ECR message builders (used by the simulator) and the driver's decoder. */

function textTlv(containerTag: number, lines: readonly string[]): Uint8Array {
  const tlv = encodeTlv([
    { tag: containerTag, children: lines.map((l) => ({ tag: 0x07, value: Uint8Array.from(l, (c) => c.charCodeAt(0) & 0x7f) })) },
  ]);
  return encodeBmps([{ bmp: 0x06, value: tlv }]);
}

/**
 * 04 FF: status code, optional timeout byte (seconds, 0 = none), optional BMP 06 with display
 * texts (tag 24 holding 07 text lines).
 */
export function intermediateStatus(status: number, options: { timeoutSec?: number; text?: readonly string[] } = {}): Uint8Array {
  const parts = [status & 0xff];
  if (options.timeoutSec !== undefined || options.text) parts.push((options.timeoutSec ?? 0) & 0xff);
  const tail = options.text ? textTlv(0x24, options.text) : new Uint8Array(0);
  return encodeApdu(4, 0xff, Uint8Array.from([...parts, ...tail]));
}

export const statusInformation = (info: StatusInfo): Uint8Array => encodeApdu(4, 0x0f, encodeStatusInfo(info));
export const completion = (info: StatusInfo = {}): Uint8Array => encodeApdu(6, 0x0f, encodeStatusInfo(info));
/** 06 1E: result code as the first data byte (untagged). */
export const abortFromPt = (resultCode: number): Uint8Array => encodeApdu(6, 0x1e, Uint8Array.of(resultCode & 0xff));
/** 06 D1: attribute byte then the text of one line. */
export const printLine = (text: string, attribute = 0): Uint8Array =>
  encodeApdu(6, 0xd1, Uint8Array.from([attribute, ...Array.from(text, (c) => c.charCodeAt(0) & 0x7f)]));
/** 06 D3: BMP 06 with print texts (tag 25 holding 07 lines). */
export const printTextBlock = (lines: readonly string[]): Uint8Array => encodeApdu(6, 0xd3, textTlv(0x25, lines));

export type TerminalMessage =
  | { type: 'ack' }
  | { type: 'nack'; code: number }
  | { type: 'intermediate'; status: number; timeoutSec?: number; text?: string }
  | { type: 'statusInfo'; info: StatusInfo; error?: string }
  | { type: 'completion'; info: StatusInfo; error?: string }
  | { type: 'abort'; resultCode?: number }
  | { type: 'printLine'; text: string }
  | { type: 'printBlock'; lines: string[] }
  | { type: 'unknown'; control: number };

/** Decodes a PT message from untrusted bytes; never throws. */
export function decodeTerminalMessage(apdu: Apdu): TerminalMessage {
  const control = (apdu.cls << 8) | apdu.ins;
  const d = apdu.data;
  if (apdu.cls === CMD.nackClass) return { type: 'nack', code: apdu.ins };
  switch (control) {
    case CMD.ack:
      return { type: 'ack' };
    case CMD.intermediateStatus: {
      if (d.length === 0) return { type: 'intermediate', status: 0xff };
      const msg: TerminalMessage = { type: 'intermediate', status: d[0]! };
      if (d.length > 1 && d[1]! > 0) msg.timeoutSec = d[1]!;
      if (d.length > 2) {
        const tlv = findBmp(parseBmps(d.subarray(2)).fields, 0x06)?.tlv;
        const lines = tlv ? textLines(tlv) : [];
        if (lines.length) msg.text = lines.join('\n');
      }
      return msg;
    }
    case CMD.statusInformation:
    case CMD.completion: {
      const p = parseStatusInfo(d);
      const type = control === CMD.statusInformation ? 'statusInfo' : 'completion';
      return p.error ? { type, info: p.info, error: p.error } : { type, info: p.info };
    }
    case CMD.abortFromPt:
      return d.length ? { type: 'abort', resultCode: d[0]! } : { type: 'abort' };
    case CMD.printLine:
      return { type: 'printLine', text: latin1(d.subarray(1)) };
    case CMD.printTextBlock: {
      const tlv = findBmp(parseBmps(d).fields, 0x06)?.tlv;
      return { type: 'printBlock', lines: tlv ? textLines(tlv) : [] };
    }
    default:
      return { type: 'unknown', control };
  }
}
