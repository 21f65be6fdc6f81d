import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cropToInk, diffPixels } from '../../../drivers/printer/bitmap.ts';
import { createEscPosPrinter, type EscPosPrinter } from '../../../drivers/printer/escpos-printer.ts';
import { EPSON_TM_T88_80MM, GENERIC_58MM } from '../../../drivers/printer/profiles.ts';
import { sampleReceipt } from '../../../drivers/printer/sample-receipt.ts';
import { EscPosSimulator } from '../../../drivers/printer/sim/simulator.ts';
import { renderTextBitmap } from '../../../drivers/printer/text-render.ts';
import { openSerialTransport } from '../../../drivers/transport/serial-transport.ts';
import type { Transport } from '../../../drivers/transport/transport.ts';
import type { PtyPair } from '../../support/pty-pair.ts';
import { createPtyPair as openPtyPair } from '../../support/pty-pair.ts';

/** Driver and simulator on the two ends of a real pseudo-terminal pair, opened like hardware. */
describe('ESC/POS driver ↔ simulator over a pseudo-terminal pair', () => {
  const profile = EPSON_TM_T88_80MM;
  let pair: PtyPair;
  let hostT: Transport;
  let deviceT: Transport;
  let sim: EscPosSimulator;
  let printer: EscPosPrinter;

  beforeAll(async () => {
    pair = await openPtyPair('printer');
    // The profile's serial settings (38400 8N1 RTS/CTS); a pty accepts and ignores CRTSCTS.
    const serial = { ...profile.serial };
    hostT = await openSerialTransport({ path: pair.hostPath, ...serial });
    deviceT = await openSerialTransport({ path: pair.devicePath, ...serial });
    sim = new EscPosSimulator(deviceT, profile);
    printer = createEscPosPrinter(hostT, profile, { statusTimeoutMs: 1000 });
  });

  afterAll(async () => {
    await printer?.close();
    sim?.close();
    await deviceT?.close();
    await pair?.close();
  });

  it('prints the bilingual sample receipt through the serial stack', async () => {
    const r = await printer.print(sampleReceipt());
    expect(r.ok).toBe(true);
    // The job is handed to the OS before the post-job status check; by then the simulator has it all.
    expect(sim.bytesReceived).toBe((r.ok ? r.bytes : 0) + 2 * 3 * profile.statusRequests.length);
    expect(sim.decodedText()).toEqual([
      'Ministry of Electricity and Water',
      '-'.repeat(48),
      'Electricity and water bill payment',
      '-'.repeat(48),
      '123456',
      '12.500 KWD',
      '2025-03-14 10:42',
      'TX-0042-7781',
      'KNET' + ' '.repeat(48 - 11) + 'Paid by',
      '-'.repeat(48),
      'Thank you for using Khidma',
    ]);
    const images = sim.images();
    const title = renderTextBitmap('وزارة الكهرباء والماء', { px: profile.arabicPx.large, bold: true });
    expect(diffPixels(cropToInk(images[0]!.bitmap), title)).toBe(0);
    const label = renderTextBitmap('المبلغ المدفوع', { px: profile.arabicPx.normal });
    expect(diffPixels(cropToInk(images.filter((i) => i.source === 'columns')[1]!.bitmap), label)).toBe(0);
    expect(sim.qrCodes()).toEqual(['https://khidma.example/r/TX-0042-7781']);
    expect(sim.cuts).toBe(1);
    mkdirSync('test-output', { recursive: true });
    writeFileSync('test-output/printer-sample-pty.png', sim.renderPng());
  });

  it('sees each fault through real status round trips', async () => {
    for (const [fault, detail] of [['paperNearEnd', 'paperNearEnd'], ['paperOut', 'paperOut'], ['coverOpen', 'coverOpen'], ['cutterError', 'cutterError'], ['none', undefined]] as const) {
      sim.setFault(fault);
      expect((await printer.checkStatus()).detail).toBe(detail);
    }
    sim.setFault('paperOut');
    expect(await printer.print(sampleReceipt())).toMatchObject({ ok: false, code: 'paperOut' });
    sim.setFault('none');
  });

  it('goes offline when the printer stops answering, and back online', async () => {
    const fast = createEscPosPrinter(hostT, profile, { statusTimeoutMs: 200 });
    sim.setFault('unplugged');
    expect(await fast.checkStatus()).toEqual({ device: 'offline', supply: 'unknown', detail: 'noAnswer' });
    sim.setFault('none');
    // Give any in-flight bytes time to drain before the next round.
    await new Promise((r) => setTimeout(r, 50));
    expect((await fast.checkStatus()).device).toBe('online');
  });
});

describe('58 mm profile over a pseudo-terminal pair with XON/XOFF on the host', () => {
  it('carries raster bytes 0x11/0x13 and status replies intact', async () => {
    const pair = await openPtyPair('printer58');
    const p = GENERIC_58MM;
    const hostT = await openSerialTransport({ path: pair.hostPath, ...p.serial });
    // Printer firmware reads its input raw; only the host tty applies XON/XOFF.
    const deviceT = await openSerialTransport({ path: pair.devicePath, baudRate: p.serial.baudRate });
    const sim = new EscPosSimulator(deviceT, p);
    const printer = createEscPosPrinter(hostT, p, { statusTimeoutMs: 1000, baudRate: 1_000_000 });
    try {
      const names = ['وزارة الكهرباء والماء', 'الهيئة العامة للمعلومات المدنية', 'بيت الزكاة', 'سداد فاتورة الكهرباء والماء'];
      const doc = { direction: 'rtl' as const, blocks: names.map((text) => ({ kind: 'text' as const, text })) };
      const bytes = Buffer.from(printer.render(doc));
      expect(bytes.includes(0x11) || bytes.includes(0x13)).toBe(true);
      expect(await printer.print(doc)).toMatchObject({ ok: true });
      const images = sim.images();
      names.forEach((s, i) => expect(diffPixels(cropToInk(images[i]!.bitmap), renderTextBitmap(s, { px: p.arabicPx.normal }))).toBe(0));
      sim.setFault('paperNearEnd');
      expect(await printer.checkStatus()).toEqual({ device: 'online', supply: 'low', detail: 'paperNearEnd' });
    } finally {
      await printer.close();
      sim.close();
      await deviceT.close();
      await pair.close();
    }
  });
});
