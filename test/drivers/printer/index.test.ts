import { describe, expect, it } from 'vitest';
import * as printer from '../../../drivers/printer/index.ts';
import { createMemoryLink } from '../../../drivers/transport/memory-link.ts';

describe('printer public API', () => {
  it('wires driver, simulator, profiles and renderer from one entry point', async () => {
    expect(Object.keys(printer.PRINTER_PROFILES)).toEqual(['epson-tm-t88-80mm', 'generic-58mm']);
    const [host, device] = createMemoryLink();
    const sim = new printer.EscPosSimulator(device, printer.GENERIC_58MM);
    const p = printer.createEscPosPrinter(host, printer.GENERIC_58MM, { statusTimeoutMs: 200 });
    const r = await p.print({ direction: 'rtl', blocks: [{ kind: 'text', text: 'بيت الزكاة' }] });
    expect(r.ok).toBe(true);
    expect(sim.images()[0]!.bitmap.height).toBe(printer.renderTextBitmap('بيت الزكاة', { px: printer.GENERIC_58MM.arabicPx.normal }).height);
    expect(printer.escpos.statusRequest(4)).toEqual(Uint8Array.of(0x10, 0x04, 4));
    await p.close();
    sim.close();
  });

  it('polls status in the background when asked, and stops on close', async () => {
    const [host, device] = createMemoryLink();
    const sim = new printer.EscPosSimulator(device, printer.EPSON_TM_T88_80MM);
    const p = printer.createEscPosPrinter(host, printer.EPSON_TM_T88_80MM, { pollIntervalMs: 10, statusTimeoutMs: 200 });
    const seen: string[] = [];
    p.onStatus((s) => seen.push(s.supply ?? ''));
    await expect.poll(() => seen.includes('full'), { timeout: 2000 }).toBe(true);
    sim.setFault('paperNearEnd');
    await expect.poll(() => seen.includes('low'), { timeout: 2000 }).toBe(true);
    await p.close();
    const n = sim.statusRequests;
    await new Promise((r) => setTimeout(r, 50));
    expect(sim.statusRequests).toBe(n);
    sim.close();
  });
});
