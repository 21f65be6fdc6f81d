import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as esc from '../../../../drivers/printer/escpos.ts';
import { createBitmap, setPixel } from '../../../../drivers/printer/bitmap.ts';
import { EscPosDecoder, MAX_RASTER_BYTES, parseOne, type EscPosCommand } from '../../../../drivers/printer/sim/decoder.ts';

function decode(chunks: Uint8Array[]): EscPosCommand[] {
  const out: EscPosCommand[] = [];
  const d = new EscPosDecoder((c) => out.push(c));
  for (const c of chunks) d.push(c);
  return out;
}

/** Merge adjacent text commands: chunking may split one text run into several. */
const normalise = (cmds: EscPosCommand[]): unknown[] =>
  cmds.reduce<EscPosCommand[]>((acc, c) => {
    const last = acc[acc.length - 1];
    if (c.op === 'text' && last?.op === 'text') acc[acc.length - 1] = { op: 'text', text: last.text + c.text };
    else acc.push(c);
    return acc;
  }, []);

const sampleJob = (): Uint8Array => {
  const bm = createBitmap(16, 3);
  setPixel(bm, 1, 1);
  return esc.concatBytes([
    esc.init(),
    esc.selectCodePage(0),
    esc.align('center'),
    esc.bold(true),
    esc.charSize(2, 2),
    esc.text('Khidma'),
    esc.lineFeed(),
    esc.rasterImage(bm),
    esc.lineSpacing(24),
    esc.absolutePosition(100),
    esc.columnImage24(Uint8Array.of(0xff, 0, 0x01)),
    esc.defaultLineSpacing(),
    esc.qrCode('https://khidma.example/r/1', { moduleSize: 5, errorCorrection: 'Q' }),
    esc.statusRequest(2),
    esc.feedLines(3),
    esc.feedDots(7),
    esc.cut('partial'),
  ]);
};

describe('ESC/POS decoder', () => {
  it('decodes every command the driver sends', () => {
    const cmds = decode([sampleJob()]);
    expect(cmds.map((c) => c.op)).toEqual([
      'init', 'codePage', 'align', 'bold', 'size', 'text', 'lf', 'raster', 'lineSpacing', 'position', 'columns', 'lineSpacing',
      'qrModel', 'qrModuleSize', 'qrErrorCorrection', 'qrStore', 'qrPrint', 'status', 'feedLines', 'feedDots', 'cut',
    ]);
    expect(cmds).toContainEqual({ op: 'size', width: 2, height: 2 });
    expect(cmds).toContainEqual({ op: 'align', align: 'center' });
    expect(cmds).toContainEqual({ op: 'position', x: 100 });
    expect(cmds).toContainEqual({ op: 'status', n: 2 });
    expect(cmds).toContainEqual({ op: 'cut', partial: true, feedDots: 0 });
    const raster = cmds.find((c) => c.op === 'raster');
    expect(raster?.op === 'raster' && [raster.bitmap.width, raster.bitmap.height, [...raster.bitmap.data]]).toEqual([16, 3, [0, 0, 0x40, 0, 0, 0]]);
    const store = cmds.find((c) => c.op === 'qrStore');
    expect(store?.op === 'qrStore' && new TextDecoder().decode(store.data)).toBe('https://khidma.example/r/1');
  });

  it('gives the same commands whatever the chunking', () => {
    const job = sampleJob();
    const whole = normalise(decode([job]));
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: job.length - 1 }), { maxLength: 20 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), job.length];
        const chunks = points.slice(1).map((p, i) => job.subarray(points[i]!, p));
        expect(normalise(decode(chunks))).toEqual(whole);
      }),
    );
  });

  it('skips unknown GS ( functions by their length and resynchronises', () => {
    const unknown = Uint8Array.of(0x1d, 0x28, 0x4c, 0x02, 0x00, 0x30, 0x45); // GS ( L, 2 bytes
    const cmds = decode([esc.concatBytes([unknown, esc.text('ok'), esc.lineFeed()])]);
    expect(cmds).toEqual([{ op: 'ignored', bytes: 7 }, { op: 'text', text: 'ok' }, { op: 'lf' }]);
  });

  it('treats an absurd raster header as garbage instead of waiting for megabytes', () => {
    const r = parseOne(Uint8Array.of(0x1d, 0x76, 0x30, 0, 0xff, 0xff, 0xff, 0xff), 0);
    expect(r).toEqual({ cmd: { op: 'ignored', bytes: 8 }, len: 8 });
    expect(0xffff * 0xffff).toBeGreaterThan(MAX_RASTER_BYTES);
  });

  it('survives fuzzed bytes: never throws, always progresses, bounded pending', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 12 }), (chunks) => {
        let n = 0;
        const d = new EscPosDecoder(() => n++);
        for (const c of chunks) d.push(c);
        const total = chunks.reduce((s, c) => s + c.length, 0);
        expect(d.pendingBytes).toBeLessThanOrEqual(total);
        // A command never needs more than its header + declared data. (A busy loop would hang the
        // test into its time-out; no wall-clock assertion, which a busy CI machine could fail.)
        expect(n).toBeLessThanOrEqual(total);
      }),
      { numRuns: 500 },
    );
  });

  it('survives fuzz built from real command fragments mixed with garbage', () => {
    const job = sampleJob();
    const fragment = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.integer({ min: 0, max: job.length - 1 }).chain((a) => fc.integer({ min: a, max: job.length }).map((b) => job.slice(a, b))),
      fc.constantFrom(Uint8Array.of(0x1b), Uint8Array.of(0x1d), Uint8Array.of(0x10, 0x04), Uint8Array.of(0x1d, 0x28, 0x6b)),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (frags) => {
        const cmds: EscPosCommand[] = [];
        const d = new EscPosDecoder((c) => cmds.push(c));
        for (const f of frags) d.push(f);
        for (const c of cmds) expect(typeof c.op).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});
