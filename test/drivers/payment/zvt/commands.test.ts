import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseApdu } from '../../../../drivers/payment/zvt/apdu.ts';
import * as cmd from '../../../../drivers/payment/zvt/commands.ts';
import { DEFAULT_REG_CONFIG } from '../../../../drivers/payment/zvt/codes.ts';
import { encodeFrame } from '../../../../drivers/payment/zvt/framing.ts';
import { bytes, hex } from './hex.ts';

/**
 * Golden frames, ECR → PT. Layouts from the ZVT specification (commands chapter):
 * every frame is 10 02 | CLASS INSTR LEN DATA (10 doubled) | 10 03 | CRC lo, CRC hi.
 * CRC bytes come from CRC-16/KERMIT over message + 03 (validated against captured frames in
 * crc.test.ts). Password 000000 = 00 00 00 (3 bytes BCD).
 */
const golden: [string, Uint8Array, string][] = [
  // 06 00 Registration: LEN 06 = pwd(3) + config(1) + currency(2, BCD, untagged in 06 00).
  // Config 3E = 02 ECR prints payment receipts | 04 admin receipts | 08 intermediate status
  //             | 10 ECR controls payment | 20 ECR controls admin. Currency KWD 414 → 04 14.
  ['registration', cmd.registration('000000', DEFAULT_REG_CONFIG, 414), '10 02 06 00 06 00 00 00 3E 04 14 10 03 D8 B4'],
  // 06 01 Authorization: BMP 04 amount 6 bytes BCD minor units (1.250 KWD = 1250 fils → 00 00 00 00 12 50),
  // BMP 49 currency 2 bytes BCD (414 → 04 14). LEN 0A = 7 + 3.
  ['authorization 1.250 KWD', cmd.authorization(1250, 414), '10 02 06 01 0A 04 00 00 00 00 12 50 49 04 14 10 03 99 2E'],
  // Same with 10 fils BHD (048): the amount's last byte is 0x10, sent doubled (10 10).
  ['authorization 0.010 BHD', cmd.authorization(10, 48), '10 02 06 01 0A 04 00 00 00 00 00 10 10 49 00 48 10 03 6B BC'],
  // 06 30 Reversal: pwd(3) + BMP 87 receipt number 2 bytes BCD (12 → 00 12).
  ['reversal of receipt 12', cmd.reversal('000000', 12), '10 02 06 30 06 00 00 00 87 00 12 10 03 3B 13'],
  // 06 20 Repeat receipt, 06 50 End of day, 05 01 Status enquiry: pwd(3) only.
  ['repeat receipt', cmd.repeatReceipt('000000'), '10 02 06 20 03 00 00 00 10 03 FA F2'],
  ['end of day', cmd.endOfDay('000000'), '10 02 06 50 03 00 00 00 10 03 FB 37'],
  ['status enquiry', cmd.statusEnquiry('000000'), '10 02 05 01 03 00 00 00 10 03 DF DB'],
  // 06 B0 Abort and 06 02 Log-off carry no data.
  ['abort', cmd.abortCommand(), '10 02 06 B0 00 10 03 43 F3'],
  ['log-off', cmd.logOff(), '10 02 06 02 00 10 03 B9 CC'],
  // 80 00 00 positive acknowledgement (the ECR's answer to every PT message); CRC F5 1F as captured.
  ['positive acknowledgement', cmd.positiveAck(), '10 02 80 00 00 10 03 F5 1F'],
  // 84 xx 00 negative acknowledgement, xx = error code (83 function not possible).
  ['negative acknowledgement', cmd.negativeAck(0x83), '10 02 84 83 00 10 03 91 8E'],
];

describe('ECR command golden frames', () => {
  it.each(golden)('%s', (_name, apdu, frame) => {
    expect(hex(encodeFrame(apdu))).toBe(frame);
  });

  it('reproduces the captured registration of an independent implementation (pwd 123456, cfg BA, EUR)', () => {
    expect(hex(encodeFrame(cmd.registration('123456', 0xba, 978)))).toBe('10 02 06 00 06 12 34 56 BA 09 78 10 03 24 C3');
  });

  it('rejects passwords that are not 6 digits', () => {
    expect(() => cmd.repeatReceipt('12345')).toThrow(RangeError);
  });
});

describe('decodeEcrCommand (simulator side)', () => {
  const decode = (b: Uint8Array) => {
    const a = parseApdu(b);
    if (!a.ok) throw new Error(a.error);
    return cmd.decodeEcrCommand(a.value);
  };

  it('reads back what the builders wrote', () => {
    expect(decode(cmd.registration('123456', 0x3e, 634))).toEqual({
      type: 'registration', password: '123456', configByte: 0x3e, currencyNumeric: 634,
    });
    expect(decode(cmd.authorization(987654321, 414))).toEqual({ type: 'authorization', amountMinor: 987654321, currencyNumeric: 414 });
    expect(decode(cmd.reversal('000000', 4711))).toEqual({ type: 'reversal', password: '000000', receiptNumber: 4711 });
    expect(decode(cmd.endOfDay('000000'))).toEqual({ type: 'endOfDay', password: '000000' });
    expect(decode(cmd.abortCommand())).toEqual({ type: 'abort' });
    expect(decode(cmd.negativeAck(0x9c))).toEqual({ type: 'nack', code: 0x9c });
  });

  it('reports malformed commands instead of throwing', () => {
    expect(decode(bytes('06 01 02 04 00')).type).toBe('malformed');
    expect(decode(bytes('06 00 01 00')).type).toBe('malformed');
    expect(decode(bytes('06 77 00')).type).toBe('unknown');
  });

  it('never throws on random APDUs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 80 }), (cls, ins, data) => {
        const c = cmd.decodeEcrCommand({ cls, ins, data });
        expect(typeof c.type).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });
});
