import { describe, expect, it } from 'vitest';
import { cropToInk, diffPixels } from '../../../drivers/printer/bitmap.ts';
import { layoutReceipt, resolveAlign, wrapChars } from '../../../drivers/printer/layout.ts';
import { EPSON_TM_T88_80MM, GENERIC_58MM } from '../../../drivers/printer/profiles.ts';
import { EscPosDecoder, type EscPosCommand } from '../../../drivers/printer/sim/decoder.ts';
import { renderTextBitmap } from '../../../drivers/printer/text-render.ts';
import type { ReceiptDocument } from '../../../drivers/printer/printer.ts';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const ascii = (s: string): string => Buffer.from(s, 'latin1').toString('hex');
const commands = (bytes: Uint8Array): EscPosCommand[] => {
  const out: EscPosCommand[] = [];
  new EscPosDecoder((c) => out.push(c)).push(bytes);
  return out;
};
const has = (bytes: Uint8Array, seq: number[]): boolean => Buffer.from(bytes).includes(Buffer.from(seq));

describe('receipt layout', () => {
  it('lays out a Latin-only receipt as native text, byte for byte', () => {
    const doc: ReceiptDocument = {
      direction: 'ltr',
      blocks: [
        { kind: 'text', text: 'KHIDMA', align: 'center', size: 'large', bold: true },
        { kind: 'pair', label: 'Amount', value: '12.500 KWD' },
        { kind: 'rule' },
        { kind: 'qr', data: 'R1' },
        { kind: 'feed', lines: 2 },
      ],
    };
    const expected =
      '1b40' + '1b7400' +
      '1b6101' + '1b4501' + '1d2111' + ascii('KHIDMA') + '0a' + '1d2100' + '1b4500' +
      '1b6100' + ascii('Amount' + ' '.repeat(48 - 16) + '12.500 KWD') + '0a' +
      '1b6100' + ascii('-'.repeat(48)) + '0a' +
      '1b6101' + '1d286b040031413200' + '1d286b0300314306' + '1d286b0300314531' + '1d286b0500315030' + ascii('R1') + '1d286b0300315130' + '0a' +
      '1b6402' +
      '1b6100' + '1b6404' + '1d5601';
    expect(hex(layoutReceipt(doc, EPSON_TM_T88_80MM))).toBe(expected);
  });

  it('maps start/end to the reading direction', () => {
    expect(resolveAlign('start', 'rtl')).toBe('right');
    expect(resolveAlign('end', 'rtl')).toBe('left');
    expect(resolveAlign(undefined, 'ltr')).toBe('left');
    expect(resolveAlign('end', 'ltr')).toBe('right');
    expect(resolveAlign('center', 'rtl')).toBe('center');
  });

  it('puts a Latin pair label at the right in RTL documents', () => {
    const cmds = commands(layoutReceipt({ direction: 'rtl', blocks: [{ kind: 'pair', label: 'Paid by', value: 'KNET' }] }, EPSON_TM_T88_80MM));
    expect(cmds).toContainEqual({ op: 'text', text: 'KNET' + ' '.repeat(48 - 11) + 'Paid by' });
  });

  it('sends Arabic as a shaped raster (GS v 0), never through an Arabic code page', () => {
    const text = 'وزارة الكهرباء والماء';
    const bytes = layoutReceipt({ direction: 'rtl', blocks: [{ kind: 'text', text, align: 'start' }] }, EPSON_TM_T88_80MM);
    expect(has(bytes, [0x1b, 0x74, 37])).toBe(false);
    expect(has(bytes, [0x1b, 0x74, 50])).toBe(false);
    const cmds = commands(bytes);
    expect(cmds.filter((c) => c.op === 'text')).toEqual([]);
    expect(cmds).toContainEqual({ op: 'align', align: 'right' });
    const raster = cmds.find((c) => c.op === 'raster');
    if (raster?.op !== 'raster') throw new Error('no raster');
    expect(diffPixels(cropToInk(raster.bitmap), renderTextBitmap(text, { px: EPSON_TM_T88_80MM.arabicPx.normal }))).toBe(0);
  });

  it('pads rasters to their alignment for printers that ignore ESC a on GS v 0', () => {
    const p = { ...EPSON_TM_T88_80MM, rasterAlign: 'pad' as const };
    const text = 'بيت الزكاة';
    const cmds = commands(layoutReceipt({ direction: 'rtl', blocks: [{ kind: 'text', text, align: 'start' }] }, p));
    const raster = cmds.find((c) => c.op === 'raster');
    if (raster?.op !== 'raster') throw new Error('no raster');
    const want = renderTextBitmap(text, { px: p.arabicPx.normal });
    expect(raster.bitmap.width).toBe(576);
    expect(diffPixels(cropToInk(raster.bitmap), want)).toBe(0);
    // Ink ends at the right edge whatever the printer does with ESC a.
    let right = 0;
    for (let x = 0; x < raster.bitmap.width; x++) for (let y = 0; y < raster.bitmap.height; y++) if ((raster.bitmap.data[y * raster.bitmap.bytesPerRow + (x >> 3)]! & (0x80 >> (x & 7))) !== 0) right = x + 1;
    expect(right).toBe(576);
  });

  it('uses the size and bold of the block for Arabic', () => {
    const text = 'بيت الزكاة';
    const big = commands(layoutReceipt({ direction: 'rtl', blocks: [{ kind: 'text', text, size: 'huge', bold: true }] }, EPSON_TM_T88_80MM));
    const raster = big.find((c) => c.op === 'raster');
    if (raster?.op !== 'raster') throw new Error('no raster');
    expect(diffPixels(cropToInk(raster.bitmap), renderTextBitmap(text, { px: 44, bold: true }))).toBe(0);
  });

  it('prints an Arabic pair label as ESC * columns beside the native value', () => {
    const bytes = layoutReceipt({ direction: 'rtl', blocks: [{ kind: 'pair', label: 'المبلغ المدفوع', value: '12.500 KWD' }] }, EPSON_TM_T88_80MM);
    const cmds = commands(bytes);
    expect(cmds.some((c) => c.op === 'raster')).toBe(false);
    expect(cmds.filter((c) => c.op === 'columns').length).toBeGreaterThan(0);
    expect(cmds).toContainEqual({ op: 'position', x: 0 });
    expect(cmds).toContainEqual({ op: 'text', text: '12.500 KWD' });
    // Only inked columns travel: far less than a full-width raster of the same row.
    expect(bytes.length).toBeLessThan(72 * 24);
  });

  it('falls back to one full-width raster row on models without column images', () => {
    const p = { ...EPSON_TM_T88_80MM, columnImages: false };
    const cmds = commands(layoutReceipt({ direction: 'rtl', blocks: [{ kind: 'pair', label: 'رقم الحساب', value: '123456' }] }, p));
    const raster = cmds.find((c) => c.op === 'raster');
    expect(raster?.op === 'raster' && raster.bitmap.width).toBe(576);
    expect(cmds.some((c) => c.op === 'columns' || c.op === 'text')).toBe(false);
  });

  it('splits a pair too wide for one row into start and end lines', () => {
    const cmds = commands(layoutReceipt({ direction: 'ltr', blocks: [{ kind: 'pair', label: 'L'.repeat(30), value: 'V'.repeat(30) }] }, EPSON_TM_T88_80MM));
    expect(cmds.filter((c) => c.op === 'text')).toEqual([{ op: 'text', text: 'L'.repeat(30) }, { op: 'text', text: 'V'.repeat(30) }]);
    expect(cmds.filter((c) => c.op === 'align').map((c) => c.op === 'align' && c.align)).toEqual(['left', 'right', 'left']);
  });

  it('honours the 58 mm profile: 32 columns, no cutter', () => {
    const bytes = layoutReceipt({ direction: 'ltr', blocks: [{ kind: 'text', text: 'Electricity and water bill payment' }, { kind: 'rule' }] }, GENERIC_58MM);
    const texts = commands(bytes).flatMap((c) => (c.op === 'text' ? [c.text] : []));
    expect(texts).toEqual(['Electricity and water bill', 'payment', '-'.repeat(32)]);
    expect(has(bytes, [0x1d, 0x56])).toBe(false);
  });

  it('does not cut when the document says so', () => {
    expect(has(layoutReceipt({ direction: 'ltr', blocks: [], cut: false }, EPSON_TM_T88_80MM), [0x1d, 0x56])).toBe(false);
  });

  it('wraps native text by words and splits over-long words', () => {
    expect(wrapChars('aa bb cc', 5)).toEqual(['aa bb', 'cc']);
    expect(wrapChars('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapChars('', 4)).toEqual(['']);
  });
});
