import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import jsQRModule from 'jsqr';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { EPSON_TM_T88_80MM, GENERIC_58MM, type PrinterProfile } from '../../../../drivers/printer/profiles.ts';
import { layoutReceipt } from '../../../../drivers/printer/layout.ts';
import { EscPosSimulator } from '../../../../drivers/printer/sim/simulator.ts';
import { createMemoryLink } from '../../../../drivers/transport/memory-link.ts';
import type { ReceiptDocument } from '../../../../drivers/printer/printer.ts';

// jsqr is CommonJS with a `default` export in its types: take whichever the loader hands over.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as typeof import('jsqr').default;

/** Reads every QR code in a PNG the way a phone camera app would (jsQR, an independent decoder). */
async function scan(png: Buffer): Promise<string | undefined> {
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const { data, width, height } = ctx.getImageData(0, 0, img.width, img.height);
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width, height)?.data;
}

async function print(profile: PrinterProfile, docs: ReceiptDocument[]): Promise<EscPosSimulator> {
  const [host, device] = createMemoryLink();
  const sim = new EscPosSimulator(device, profile);
  for (const d of docs) await host.write(layoutReceipt(d, profile));
  await new Promise((r) => setTimeout(r, 20));
  return sim;
}

const doc = (url: string): ReceiptDocument => ({ direction: 'ltr', blocks: [{ kind: 'qr', data: url }] });

describe('the simulated paper prints a real QR code', () => {
  it.each([
    ['80 mm', EPSON_TM_T88_80MM],
    ['58 mm', GENERIC_58MM],
  ])('%s: the PNG of the paper scans back to the payload', async (_name, profile) => {
    const url = 'http://127.0.0.1:8080/verify/6f1c2a9e-3b7d-4c55-9a1e-2f0b8d7c4e11?r=0012612020002';
    const sim = await print(profile, [doc(url)]);
    expect(sim.qrCodes()).toEqual([url]);
    const png = sim.renderPng();
    mkdirSync(join(process.cwd(), 'test-output'), { recursive: true });
    writeFileSync(join(process.cwd(), 'test-output', `paper-qr-${profile.dots}.png`), png);
    expect(await scan(png)).toBe(url);
  });

  it('each job renders on its own, newest last in jobs, each with its own code', async () => {
    const sim = await print(EPSON_TM_T88_80MM, [doc('https://example.org/a'), doc('https://example.org/b')]);
    expect(sim.jobs).toHaveLength(2);
    expect(await scan(sim.renderJobPng(0)!)).toBe('https://example.org/a');
    expect(await scan(sim.renderJobPng(1)!)).toBe('https://example.org/b');
    expect(sim.renderJobPng(2)).toBeUndefined();
  });
});
