import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseApdu } from '../../../../drivers/payment/zvt/apdu.ts';
import { encodeFrame } from '../../../../drivers/payment/zvt/framing.ts';
import * as pt from '../../../../drivers/payment/zvt/terminal-messages.ts';
import { bytes, hex } from './hex.ts';

const decode = (b: Uint8Array): pt.TerminalMessage => {
  const a = parseApdu(b);
  if (!a.ok) throw new Error(a.error);
  return pt.decodeTerminalMessage(a.value);
};

const approval = {
  resultCode: 0, amountMinor: 1250, currencyNumeric: 414, traceNumber: 42, time: '143005', date: '1122',
  pan: '************4242', terminalId: '52001234', authCode: '123456', receiptNumber: 7, cardType: 10,
};

/** Golden frames, PT → ECR, from the spec's layouts; CRCs as in commands.test.ts. */
const golden: [string, Uint8Array, string][] = [
  // 04 FF intermediate status: status byte only (0A = "insert card").
  ['intermediate status 0A', pt.intermediateStatus(0x0a), '10 02 04 FF 01 0A 10 03 F5 7D'],
  // 04 FF with timeout byte (1E = 30 s) and BMP 06 TLV: 0F total length, tag 24 (display texts,
  // constructed) len 0D, tag 07 (text line) len 0B "Insert card".
  [
    'intermediate status with display text',
    pt.intermediateStatus(0x0a, { timeoutSec: 30, text: ['Insert card'] }),
    '10 02 04 FF 13 0A 1E 06 0F 24 0D 07 0B 49 6E 73 65 72 74 20 63 61 72 64 10 03 64 8D',
  ],
  // 04 0F status information, LEN 35 (53): 27 00 result code | 04 amount 6 BCD | 49 currency |
  // 0B trace 3 BCD (000042) | 0C time HHMMSS | 0D date MMDD | 22 PAN LL-var F0 F8 = 8 bytes, E = masked
  // digit | 29 terminal ID 4 BCD | 3B auth code 8 bytes ASCII, zero-padded | 87 receipt 2 BCD | 8A card type (0A = Visa).
  [
    'status information (approval)',
    pt.statusInformation(approval),
    '10 02 04 0F 35 27 00 04 00 00 00 00 12 50 49 04 14 0B 00 00 42 0C 14 30 05 0D 11 22 22 F0 F8 EE EE EE EE EE EE 42 42 29 52 00 12 34 3B 31 32 33 34 35 36 00 00 87 00 07 8A 0A 10 03 27 E1',
  ],
  // 06 0F completion after registration: 19 status byte | 49 currency | 29 terminal ID.
  [
    'completion (registration)',
    pt.completion({ statusByte: 0, terminalId: '52001234', currencyNumeric: 414 }),
    '10 02 06 0F 0A 19 00 49 04 14 29 52 00 12 34 10 03 D7 A3',
  ],
  // 06 1E abort: result code as first data byte (6C = abort via timeout or abort key).
  ['abort 6C', pt.abortFromPt(0x6c), '10 02 06 1E 01 6C 10 03 C9 F2'],
  // 06 D1 print line: attribute byte 00 then the text.
  ['print line', pt.printLine('TOTAL'), '10 02 06 D1 06 00 54 4F 54 41 4C 10 03 A0 B8'],
];

describe('PT message golden frames', () => {
  it.each(golden)('%s', (_name, apdu, frame) => {
    expect(hex(encodeFrame(apdu))).toBe(frame);
  });
});

describe('decodeTerminalMessage', () => {
  it('reads a full approval back', () => {
    expect(decode(pt.statusInformation(approval))).toEqual({ type: 'statusInfo', info: approval });
  });

  it('reads intermediate status with timeout and text', () => {
    expect(decode(pt.intermediateStatus(0x01, { timeoutSec: 20, text: ['Enter PIN', 'Amount 1.250'] }))).toEqual({
      type: 'intermediate', status: 0x01, timeoutSec: 20, text: 'Enter PIN\nAmount 1.250',
    });
  });

  it('reads abort, negative acknowledgement and a print text block', () => {
    expect(decode(pt.abortFromPt(0x05))).toEqual({ type: 'abort', resultCode: 5 });
    expect(decode(bytes('84 9C 00'))).toEqual({ type: 'nack', code: 0x9c });
    expect(decode(pt.printTextBlock(['A', 'B']))).toEqual({ type: 'printBlock', lines: ['A', 'B'] });
  });

  it('keeps the fields before a malformed one and says so', () => {
    // 27 00 | 04 with a non-BCD amount | 0B trace cut short
    const m = decode(bytes('04 0F 0C 27 00 04 00 00 00 00 1A 00 0B 00 00'));
    expect(m.type).toBe('statusInfo');
    if (m.type !== 'statusInfo') return;
    expect(m.info.resultCode).toBe(0);
    expect(m.info.amountMinor).toBeUndefined();
    expect(m.error).toMatch(/amount/);
    expect(m.error).toMatch(/overruns/);
  });

  it('survives random data in every message type (never throws)', () => {
    const controls = [0x040f, 0x04ff, 0x060f, 0x061e, 0x06d1, 0x06d3, 0x8000, 0x8400];
    fc.assert(
      fc.property(fc.constantFrom(...controls), fc.uint8Array({ maxLength: 120 }), (control, data) => {
        const m = pt.decodeTerminalMessage({ cls: control >> 8, ins: control & 0xff, data });
        expect(m.type).not.toBe('unknown');
      }),
      { numRuns: 3000 },
    );
  });

  it('survives BMP-shaped garbage (valid tags, random lengths and values)', () => {
    const bmpish = fc.array(
      fc.tuple(fc.constantFrom(0x04, 0x06, 0x0b, 0x22, 0x27, 0x29, 0x3b, 0x3c, 0x60, 0x87, 0x8a, 0x8b, 0xf0, 0xf9), fc.uint8Array({ maxLength: 12 })),
      { maxLength: 10 },
    ).map((parts) => Uint8Array.from(parts.flatMap(([t, v]) => [t, ...v])));
    fc.assert(
      fc.property(bmpish, (data) => {
        const m = pt.decodeTerminalMessage({ cls: 0x04, ins: 0x0f, data });
        expect(m.type).toBe('statusInfo');
      }),
      { numRuns: 3000 },
    );
  });
});
