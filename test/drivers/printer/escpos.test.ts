import { describe, expect, it } from 'vitest';
import { ThermalPrinter, PrinterTypes } from 'node-thermal-printer';
import { createCanvas } from '@napi-rs/canvas';
import { createBitmap, setPixel } from '../../../drivers/printer/bitmap.ts';
import * as esc from '../../../drivers/printer/escpos.ts';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** node-thermal-printer's bytes for the same command: an independent golden source. */
function ntp(fn: (p: ThermalPrinter) => void): string {
  const p = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '', width: 48 });
  p.clear();
  fn(p);
  return p.getBuffer().toString('hex');
}

describe('ESC/POS command builder: golden bytes', () => {
  it('encodes the fixed commands byte for byte', () => {
    expect(hex(esc.init())).toBe('1b40');
    expect(hex(esc.selectCodePage(0))).toBe('1b7400');
    expect(hex(esc.align('left'))).toBe('1b6100');
    expect(hex(esc.align('center'))).toBe('1b6101');
    expect(hex(esc.align('right'))).toBe('1b6102');
    expect(hex(esc.bold(true))).toBe('1b4501');
    expect(hex(esc.bold(false))).toBe('1b4500');
    expect(hex(esc.charSize(1, 1))).toBe('1d2100');
    expect(hex(esc.charSize(2, 2))).toBe('1d2111');
    expect(hex(esc.charSize(3, 1))).toBe('1d2120'); // width in the high nibble
    expect(hex(esc.feedLines(4))).toBe('1b6404');
    expect(hex(esc.feedDots(300))).toBe('1b4aff'); // clamped to one byte
    expect(hex(esc.lineSpacing(24))).toBe('1b3318');
    expect(hex(esc.defaultLineSpacing())).toBe('1b32');
    expect(hex(esc.absolutePosition(0x1a5))).toBe('1b24a501');
    expect(hex(esc.cut('full'))).toBe('1d5600');
    expect(hex(esc.cut('partial'))).toBe('1d5601');
    expect(hex(esc.statusRequest(1))).toBe('100401');
    expect(hex(esc.statusRequest(4))).toBe('100404');
    expect(hex(esc.lineFeed())).toBe('0a');
  });

  it('sends printable ASCII as is and replaces anything else with ?', () => {
    expect(hex(esc.text('A1 z~'))).toBe('4131207a7e');
    expect(Buffer.from(esc.text('é\nب')).toString('latin1')).toBe('???');
  });

  it('agrees with node-thermal-printer where both define the command', () => {
    expect(hex(esc.init())).toBe(ntp((p) => p.add(Buffer.from([0x1b, 0x40]))));
    expect(hex(esc.align('center'))).toBe(ntp((p) => p.alignCenter()));
    expect(hex(esc.align('right'))).toBe(ntp((p) => p.alignRight()));
    expect(hex(esc.bold(true))).toBe(ntp((p) => p.bold(true)));
    expect(hex(esc.cut('partial'))).toBe(ntp((p) => p.partialCut({ verticalTabAmount: 0 })).slice(0, 6));
    // ntp calls its first argument "height" but puts it in the width nibble; 2×2 is unambiguous.
    expect(hex(esc.charSize(2, 2))).toBe(ntp((p) => p.setTextSize(1, 1)));
    const url = 'https://khidma.example/r/TX-1';
    expect(hex(esc.qrCode(url, { moduleSize: 6, errorCorrection: 'M' }))).toBe(ntp((p) => p.printQR(url, { cellSize: 6, correction: 'M', model: 2 })));
  });

  it('builds QR (GS ( k) with the UTF-8 byte length, where node-thermal-printer counts UTF-16 units', () => {
    const q = esc.qrCode('AB', { moduleSize: 4, errorCorrection: 'H' });
    expect(hex(q)).toBe(
      '1d286b0400314132' + '00' + '1d286b03003143' + '04' + '1d286b03003145' + '33' + '1d286b0500315030' + '4142' + '1d286b0300315130',
    );
    const arabic = esc.qrCode('بيت', { moduleSize: 3, errorCorrection: 'L' });
    const store = Buffer.from(arabic).indexOf(Buffer.from([0x1d, 0x28, 0x6b, 0x09, 0x00, 0x31, 0x50, 0x30]));
    expect(store).toBeGreaterThan(0); // 6 UTF-8 bytes + 3
    const ntpStore = ntp((p) => p.printQR('بيت', { cellSize: 3, correction: 'L', model: 2 }));
    expect(ntpStore).toContain('1d286b0600315030'); // 3 + 3: the payload length is wrong there
  });

  it('builds GS v 0 raster with the bitmap rows as data', () => {
    const b = createBitmap(10, 2); // 2 bytes per row
    setPixel(b, 0, 0);
    setPixel(b, 9, 1);
    expect(hex(esc.rasterImage(b))).toBe('1d7630000200020080000040');
    expect(esc.rasterImage(createBitmap(0, 0)).length).toBe(0);
  });

  it('splits rasters taller than the GS v 0 limit into strips', () => {
    const b = createBitmap(8, esc.RASTER_MAX_ROWS + 5);
    const bytes = Buffer.from(esc.rasterImage(b));
    expect(bytes.length).toBe(2 * 8 + b.height);
    expect(hex(bytes.subarray(0, 8))).toBe('1d76300001' + '00' + 'ff08');
    expect(hex(bytes.subarray(8 + esc.RASTER_MAX_ROWS, 16 + esc.RASTER_MAX_ROWS))).toBe('1d763000010005' + '00');
  });

  it('builds ESC * 33 column images: 3 bytes per column', () => {
    expect(hex(esc.columnImage24(Uint8Array.of(0x80, 0, 1, 0xff, 0xff, 0xff)))).toBe('1b2a2102008000' + '01ffffff');
    expect(esc.columnImage24(new Uint8Array(2)).length).toBe(0);
  });

  it('produces the same GS v 0 data as node-thermal-printer printImageBuffer', async () => {
    const canvas = createCanvas(16, 2);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 16, 2);
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, 1, 1);
    ctx.fillRect(15, 1, 1, 1);
    const p = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '', width: 48 });
    p.clear();
    await p.printImageBuffer(canvas.toBuffer('image/png'));
    const theirs = p.getBuffer().toString('hex');
    const b = createBitmap(16, 2);
    setPixel(b, 0, 0);
    setPixel(b, 15, 1);
    const ours = hex(esc.rasterImage(b));
    // Same header except m: ntp sends 48 ('0'), which the spec treats as 0 (normal density).
    expect(theirs).toBe(ours.slice(0, 6) + '30' + ours.slice(8));
  });
});
