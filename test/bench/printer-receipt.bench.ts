/**
 * Receipt printer: bytes on the wire for the standard bilingual payment receipt, and the
 * transfer time they imply (bytes × 10 bits / baud), against a full-page raster of the same
 * receipt sent with node-thermal-printer's printImageBuffer (the common approach).
 */
import { ThermalPrinter, PrinterTypes } from 'node-thermal-printer';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { BenchRow } from './bench-types.ts';
import { median, now } from './kit.ts';
import { layoutReceipt } from '../../drivers/printer/layout.ts';
import { EPSON_TM_T88_80MM, GENERIC_58MM } from '../../drivers/printer/profiles.ts';
import { sampleReceipt } from '../../drivers/printer/sample-receipt.ts';
import { EscPosSimulator } from '../../drivers/printer/sim/simulator.ts';
import { createEscPosPrinter } from '../../drivers/printer/escpos-printer.ts';
import { createMemoryLink } from '../../drivers/transport/memory-link.ts';

const BAUDS = [9600, 38400, 115200] as const;
const ms = (bytes: number, baud: number): number => (bytes * 10 * 1000) / baud;

/** The receipt exactly as printed, as one 576-dot-wide picture cropped to its content. */
async function fullPagePng(): Promise<Buffer> {
  const [host, device] = createMemoryLink();
  const sim = new EscPosSimulator(device, EPSON_TM_T88_80MM);
  const printer = createEscPosPrinter(host, EPSON_TM_T88_80MM);
  await printer.print(sampleReceipt());
  const png = sim.renderPng({ margin: 0, decorations: false });
  await printer.close();
  sim.close();
  // Crop away the feed before the cut: the baseline sends only the content rows.
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const px = ctx.getImageData(0, 0, img.width, img.height).data;
  let top = img.height, bottom = 0;
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++)
      if ((px[(y * img.width + x) * 4] ?? 255) < 128) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y + 1);
        break;
      }
  const out = createCanvas(img.width, Math.max(1, bottom - top));
  out.getContext('2d').drawImage(img, 0, -top);
  return out.toBuffer('image/png');
}

async function fullPageBytes(png: Buffer): Promise<number> {
  const p = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '', width: 48 });
  p.clear();
  await p.printImageBuffer(png);
  p.cut();
  return p.getBuffer().length;
}

export default async (): Promise<BenchRow[]> => {
  const doc = sampleReceipt();
  const ours = layoutReceipt(doc, EPSON_TM_T88_80MM).length;
  const rasterRows = layoutReceipt(doc, { ...EPSON_TM_T88_80MM, columnImages: false }).length;
  const ours58 = layoutReceipt(doc, GENERIC_58MM).length;
  const full = await fullPageBytes(await fullPagePng());

  const runs: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = now();
    layoutReceipt(doc, EPSON_TM_T88_80MM);
    runs.push(now() - t0);
  }

  // Wall time through a baud-limited memory link, status round trips included.
  const [host, device] = createMemoryLink({ baudRate: 115200 });
  const sim = new EscPosSimulator(device, EPSON_TM_T88_80MM);
  const printer = createEscPosPrinter(host, EPSON_TM_T88_80MM);
  const t0 = now();
  await printer.print(doc);
  const wall = now() - t0;
  await printer.close();
  sim.close();

  const rows: BenchRow[] = [
    { name: 'receipt bytes (native text + cropped Arabic rasters)', value: ours, unit: 'B', goal: `<= ${Math.floor(full / 5)} (1/5 full page)`, met: ours <= full / 5, kind: 'computed' },
    { name: 'full-page raster bytes (ntp printImageBuffer)', value: full, unit: 'B', goal: 'report', met: null, kind: 'computed' },
    { name: 'receipt / full-page ratio', value: ours / full, unit: 'x', goal: '<= 0.2', met: ours / full <= 0.2, kind: 'computed' },
  ];
  for (const b of BAUDS) {
    const t = ms(ours, b);
    rows.push({ name: `receipt transfer @${b}`, value: t, unit: 'ms', goal: b === 38400 ? '< 2000' : 'report', met: b === 38400 ? t < 2000 : null, kind: 'computed' });
  }
  for (const b of BAUDS) rows.push({ name: `full-page transfer @${b}`, value: ms(full, b), unit: 'ms', goal: 'report', met: null, kind: 'computed' });
  rows.push(
    { name: 'receipt bytes, pair rows as full-width rasters (no ESC *)', value: rasterRows, unit: 'B', goal: 'report', met: null, kind: 'computed' },
    { name: 'receipt bytes, 58 mm profile', value: ours58, unit: 'B', goal: 'report', met: null, kind: 'computed' },
    { name: 'layout time (median of 10)', value: median(runs), unit: 'ms', goal: 'report', met: null, kind: 'measured' },
    { name: 'print wall time @115200 memory link (incl. status)', value: wall, unit: 'ms', goal: 'report', met: null, kind: 'measured' },
  );
  return rows;
};
