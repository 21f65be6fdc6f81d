import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Image } from '@napi-rs/canvas';
import * as esc from '../../../../drivers/printer/escpos.ts';
import { createEscPosPrinter } from '../../../../drivers/printer/escpos-printer.ts';
import { EPSON_TM_T88_80MM, GENERIC_58MM, type PrinterProfile } from '../../../../drivers/printer/profiles.ts';
import { sampleReceipt } from '../../../../drivers/printer/sample-receipt.ts';
import { EscPosSimulator } from '../../../../drivers/printer/sim/simulator.ts';
import { createMemoryLink } from '../../../../drivers/transport/memory-link.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function link(profile: PrinterProfile = EPSON_TM_T88_80MM, baudRate = 0) {
  const [host, device] = createMemoryLink({ baudRate });
  const sim = new EscPosSimulator(device, profile);
  cleanups.push(async () => (sim.close(), await host.close()));
  return { host, device, sim };
}

const settle = () => new Promise((r) => setTimeout(r, 5));
const replies = (host: { onData(l: (c: Buffer) => void): () => void }) => {
  const got: number[] = [];
  host.onData((c) => got.push(...c));
  return got;
};

describe('ESC/POS simulator', () => {
  it('keeps a paper model: text with style and alignment, cuts and jobs', async () => {
    const { host, sim } = link();
    await host.write(
      esc.concatBytes([
        esc.init(), esc.align('center'), esc.bold(true), esc.charSize(2, 2), esc.text('TITLE'), esc.lineFeed(),
        esc.charSize(1, 1), esc.bold(false), esc.align('left'), esc.text('line'), esc.lineFeed(), esc.cut('full'),
        esc.text('second'), esc.lineFeed(), esc.cut('partial'), esc.text('tail'), esc.lineFeed(),
      ]),
    );
    await settle();
    expect(sim.decodedText()).toEqual(['TITLE', 'line', 'second', 'tail']);
    expect(sim.items[0]).toMatchObject({ kind: 'text', align: 'center', bold: true, width: 2, height: 2 });
    expect(sim.items[1]).toMatchObject({ kind: 'text', align: 'left', bold: false, width: 1, y: 48 });
    expect(sim.cuts).toBe(2);
    expect(sim.jobs.map((j) => j.length)).toEqual([3, 2, 1]);
    expect(sim.jobs[0]!.at(-1)).toMatchObject({ kind: 'cut', partial: false });
  });

  it('answers DLE EOT per fault and prints nothing while stopped', async () => {
    const { host, sim } = link();
    const got = replies(host);
    const ask = async () => (await host.write(esc.concatBytes([1, 2, 3, 4].map((n) => esc.statusRequest(n as 1 | 2 | 3 | 4)))), await settle());
    await ask();
    expect(got.splice(0)).toEqual([0x12, 0x12, 0x12, 0x12]);
    sim.setFault('coverOpen');
    await ask();
    expect(got.splice(0)).toEqual([0x1a, 0x16, 0x12, 0x12]);
    await host.write(esc.concatBytes([esc.text('lost'), esc.lineFeed(), esc.cut('full')]));
    sim.setFault('cutterError');
    await ask();
    expect(got.splice(0)).toEqual([0x1a, 0x52, 0x1a, 0x12]);
    sim.setFault('unplugged');
    await ask();
    expect(got).toEqual([]);
    expect(sim.decodedText()).toEqual([]);
    expect(sim.cuts).toBe(0);
  });

  it('records QR payloads and raster images', async () => {
    const { host, sim } = link();
    const bm = { width: 16, height: 2, bytesPerRow: 2, data: Uint8Array.of(0xff, 0, 0, 1) };
    await host.write(esc.concatBytes([esc.align('right'), esc.rasterImage(bm), esc.qrCode('بيت الزكاة', { moduleSize: 4, errorCorrection: 'M' })]));
    await settle();
    expect(sim.qrCodes()).toEqual(['بيت الزكاة']);
    expect(sim.images()).toEqual([{ y: 0, align: 'right', source: 'raster', bitmap: { width: 16, height: 2, bytesPerRow: 2, data: bm.data } }]);
    expect(sim.items[1]).toMatchObject({ kind: 'qr', y: 2, size: 25 * 4 });
  });

  it('renders the sample bilingual receipt to PNG (80 mm and 58 mm, instant and baud-limited links)', async () => {
    mkdirSync('test-output', { recursive: true });
    for (const [profile, baud] of [[EPSON_TM_T88_80MM, 0], [GENERIC_58MM, 0], [EPSON_TM_T88_80MM, 115200]] as const) {
      const { host, sim } = link(profile, baud);
      const printer = createEscPosPrinter(host, profile, { statusTimeoutMs: 300 });
      const r = await printer.print(sampleReceipt());
      expect(r.ok).toBe(true);
      expect(sim.bytesReceived).toBeGreaterThan(r.ok ? r.bytes : 0);
      expect(sim.decodedText()).toContain('Thank you for using Khidma');
      expect(sim.qrCodes()).toEqual(['https://khidma.example/r/TX-0042-7781']);
      expect(sim.cuts).toBe(profile.cutter === 'none' ? 0 : 1);
      const png = sim.renderPng();
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      const img = new Image();
      img.src = png;
      expect(img.width).toBe(profile.dots + 32);
      expect(img.height).toBeGreaterThan(500);
      if (baud === 0) writeFileSync(`test-output/printer-sample-${profile.paperWidthMm}mm.png`, png);
    }
  });

  it('survives fuzzed bytes end to end (decoder, paper model, PNG)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 8 }), async (chunks) => {
        const [host, device] = createMemoryLink();
        const sim = new EscPosSimulator(device);
        try {
          for (const c of chunks) await host.write(c);
          await new Promise((r) => setTimeout(r, 0));
          expect(() => sim.renderPng()).not.toThrow();
          expect(Array.isArray(sim.decodedText())).toBe(true);
        } finally {
          sim.close();
          await host.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
