import { afterEach, describe, expect, it } from 'vitest';
import { cropToInk, diffPixels, inkBox, toAscii, type Bitmap } from '../../../drivers/printer/bitmap.ts';
import { createEscPosPrinter } from '../../../drivers/printer/escpos-printer.ts';
import { EPSON_TM_T88_80MM, GENERIC_58MM, type PrinterProfile } from '../../../drivers/printer/profiles.ts';
import { EscPosSimulator, type PrinterFault } from '../../../drivers/printer/sim/simulator.ts';
import { renderTextBitmap } from '../../../drivers/printer/text-render.ts';
import type { DeviceStatus } from '../../../drivers/status.ts';
import { createMemoryLink } from '../../../drivers/transport/memory-link.ts';
import type { Transport } from '../../../drivers/transport/transport.ts';

const SERVICES = [
  'وزارة الكهرباء والماء',
  'سداد فاتورة الكهرباء والماء',
  'المبلغ المدفوع',
  'رقم الحساب 123456',
  'بيت الزكاة',
  'الهيئة العامة للمعلومات المدنية',
  'وزارة الداخلية',
  'تجديد الإقامة',
  'المخالفات المرورية',
  'وزارة العدل',
  'وزارة المواصلات',
  'تبرع إلكتروني',
];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function rig(profile: PrinterProfile = EPSON_TM_T88_80MM, opts: { statusTimeoutMs?: number; wrapHost?: (t: Transport) => Transport } = {}) {
  const [host, device] = createMemoryLink({ name: 'printer' });
  const sim = new EscPosSimulator(device, profile);
  const printer = createEscPosPrinter(opts.wrapHost ? opts.wrapHost(host) : host, profile, { statusTimeoutMs: opts.statusTimeoutMs ?? 150, jobTimeoutMarginMs: 300 });
  cleanups.push(async () => {
    await printer.close();
    sim.close();
  });
  return { host, device, sim, printer };
}

/** Pixel compare with a small tolerance, with a picture in the failure message. */
function expectSameInk(got: Bitmap, want: Bitmap, tolerance = 0.01): void {
  const a = cropToInk(got);
  const d = diffPixels(a, want);
  const ok = Math.abs(a.width - want.width) <= 1 && Math.abs(a.height - want.height) <= 1 && d <= want.width * want.height * tolerance;
  expect(ok, `diff ${d} px, got ${a.width}x${a.height} want ${want.width}x${want.height}\n${toAscii(a)}\n--\n${toAscii(want)}`).toBe(true);
}

describe('ESC/POS driver ↔ simulator (memory link)', () => {
  it('prints a dozen Arabic service names that decode to the direct rendering', async () => {
    const { sim, printer } = rig();
    const r = await printer.print({ direction: 'rtl', blocks: SERVICES.map((text) => ({ kind: 'text' as const, text })) });
    expect(r.ok).toBe(true);
    const images = sim.images();
    expect(images.length).toBe(SERVICES.length);
    SERVICES.forEach((s, i) => {
      expect(images[i]!.align).toBe('right');
      expectSameInk(images[i]!.bitmap, renderTextBitmap(s, { px: EPSON_TM_T88_80MM.arabicPx.normal }));
    });
    expect(sim.decodedText()).toEqual([]);
    expect(sim.cuts).toBe(1);
  });

  it('prints Arabic pair labels as column bands that reassemble into the rendered label', async () => {
    const { sim, printer } = rig();
    const labels = SERVICES.slice(0, 6);
    const r = await printer.print({ direction: 'rtl', blocks: labels.map((label, i) => ({ kind: 'pair' as const, label, value: `${i + 1}.500 KWD` })) });
    expect(r.ok).toBe(true);
    expect(sim.decodedText()).toEqual(labels.map((_, i) => `${i + 1}.500 KWD`));
    const bands = sim.images().filter((i) => i.source === 'columns');
    expect(bands.length).toBe(labels.length);
    labels.forEach((label, i) => {
      const want = renderTextBitmap(label, { px: EPSON_TM_T88_80MM.arabicPx.normal });
      expectSameInk(bands[i]!.bitmap, want);
      // Label at the reading start: flush right in an RTL document.
      const box = inkBox(bands[i]!.bitmap);
      expect(box?.right).toBe(EPSON_TM_T88_80MM.dots);
    });
  });

  it('keeps Latin text native and QR native', async () => {
    const { sim, printer } = rig();
    await printer.print({ direction: 'ltr', blocks: [{ kind: 'text', text: 'Receipt 42' }, { kind: 'qr', data: 'https://khidma.example/r/42' }] });
    expect(sim.decodedText()).toEqual(['Receipt 42']);
    expect(sim.qrCodes()).toEqual(['https://khidma.example/r/42']);
    expect(sim.images()).toEqual([]);
  });

  it('drops queued jobs on cancelPending (session reset) but finishes the one on paper', async () => {
    const { sim, printer } = rig();
    const first = printer.print({ direction: 'ltr', blocks: [{ kind: 'text', text: 'Visitor A receipt' }] });
    await new Promise((r) => setTimeout(r, 0)); // the first job is now on its way (status check)
    const second = printer.print({ direction: 'ltr', blocks: [{ kind: 'text', text: 'Visitor A copy' }] });
    printer.cancelPending();
    const third = printer.print({ direction: 'ltr', blocks: [{ kind: 'text', text: 'Visitor B ticket' }] });
    expect((await first).ok).toBe(true);
    expect(await second).toMatchObject({ ok: false, code: 'cancelled' });
    expect((await third).ok).toBe(true);
    expect(sim.decodedText()).toEqual(['Visitor A receipt', 'Visitor B ticket']);
  });

  it('reports every injected fault and refuses jobs when it must', async () => {
    const { sim, printer } = rig();
    const cases: [PrinterFault, DeviceStatus, string | null][] = [
      ['none', { device: 'online', supply: 'full' }, null],
      ['paperNearEnd', { device: 'online', supply: 'low', detail: 'paperNearEnd' }, null],
      ['paperOut', { device: 'userError', supply: 'out', detail: 'paperOut' }, 'paperOut'],
      ['coverOpen', { device: 'userError', supply: 'full', detail: 'coverOpen' }, 'coverOpen'],
      ['cutterError', { device: 'hwError', supply: 'full', detail: 'cutterError' }, 'error'],
      ['unplugged', { device: 'offline', supply: 'unknown', detail: 'noAnswer' }, 'offline'],
    ];
    for (const [fault, status, refusal] of cases) {
      sim.setFault(fault);
      expect(await printer.checkStatus()).toEqual(status);
      expect(printer.status()).toEqual(status);
      const cutsBefore = sim.cuts;
      const r = await printer.print({ direction: 'ltr', blocks: [{ kind: 'text', text: `job ${fault}` }] });
      if (refusal === null) expect(r).toMatchObject({ ok: true });
      else {
        expect(r).toMatchObject({ ok: false, code: refusal });
        expect(r.ok === false && r.message.length).toBeGreaterThan(10);
        expect(sim.cuts).toBe(cutsBefore);
      }
    }
    sim.setFault('none');
    expect((await printer.checkStatus()).device).toBe('online');
    expect(sim.decodedText()).toEqual(['job none', 'job paperNearEnd']);
  });

  it('notifies status listeners on changes only', async () => {
    const { sim, printer } = rig();
    const seen: DeviceStatus[] = [];
    printer.onStatus((s) => seen.push(s));
    await printer.checkStatus();
    await printer.checkStatus();
    sim.setFault('paperNearEnd');
    await printer.checkStatus();
    expect(seen.map((s) => s.supply)).toEqual(['full', 'low']);
  });

  it('asks only the status requests the profile lists', async () => {
    const { sim, printer } = rig(GENERIC_58MM);
    sim.setFault('paperOut');
    expect(await printer.checkStatus()).toEqual({ device: 'userError', supply: 'out', detail: 'paperOut' });
    expect(sim.statusRequests).toBe(2);
  });

  it('detects paper running out during a job', async () => {
    const { device, sim, printer } = rig();
    let seen = 0;
    device.onData((c) => {
      seen += c.length;
      if (seen > 20 && sim.fault === 'none') sim.setFault('paperOut');
    });
    const r = await printer.print({ direction: 'ltr', blocks: [{ kind: 'text', text: 'one' }] });
    expect(r).toMatchObject({ ok: false, code: 'paperOut' });
    expect(r.ok === false && r.message).toMatch(/during the job/);
  });

  it('ignores line noise around status replies', async () => {
    const [host, device] = createMemoryLink();
    const sim = new EscPosSimulator(device, EPSON_TM_T88_80MM, { replyDelayMs: 20 });
    const printer = createEscPosPrinter(host, EPSON_TM_T88_80MM, { statusTimeoutMs: 300 });
    cleanups.push(async () => (await printer.close(), sim.close()));
    device.onData(() => void device.write(Uint8Array.of(0x00, 0xff, 0x13, 0x80)));
    sim.setFault('coverOpen');
    expect(await printer.checkStatus()).toMatchObject({ detail: 'coverOpen' });
  });

  it('times out a job the link never accepts and reports offline', async () => {
    const { printer } = rig(EPSON_TM_T88_80MM, {
      wrapHost: (t) => ({
        ...t,
        name: t.name,
        get isOpen() {
          return t.isOpen;
        },
        onData: (l) => t.onData(l),
        onClose: (l) => t.onClose(l),
        close: () => t.close(),
        // Status requests pass; a job (longer) blocks forever, like CTS held low.
        write: (d) => (d.length <= 3 ? t.write(d) : new Promise<void>(() => undefined)),
      }),
    });
    const r = await printer.print({ direction: 'ltr', blocks: [{ kind: 'text', text: 'stuck' }] });
    expect(r).toMatchObject({ ok: false, code: 'offline' });
    expect(r.ok === false && r.message).toMatch(/timed out/);
    expect(printer.state).toBe('idle');
  });

  it('serialises concurrent calls and refuses after close', async () => {
    const { sim, printer } = rig();
    const [a, b, c] = await Promise.all([
      printer.checkStatus(),
      printer.print({ direction: 'ltr', blocks: [{ kind: 'text', text: 'A' }] }),
      printer.print({ direction: 'ltr', blocks: [{ kind: 'text', text: 'B' }] }),
    ]);
    expect(a.device).toBe('online');
    expect(b.ok && c.ok).toBe(true);
    expect(sim.decodedText()).toEqual(['A', 'B']);
    expect(sim.jobs.length).toBe(2);
    await printer.close();
    expect(printer.state).toBe('closed');
    expect(await printer.print({ direction: 'ltr', blocks: [] })).toMatchObject({ ok: false, code: 'offline' });
  });

  it('reports a lost link as offline', async () => {
    const { device, printer } = rig();
    await printer.checkStatus();
    await device.close();
    expect(printer.status()).toMatchObject({ device: 'offline', detail: 'linkClosed' });
    expect(await printer.checkStatus()).toMatchObject({ device: 'offline' });
  });

  it('renders the bytes it would send without I/O', () => {
    const { printer } = rig();
    const bytes = printer.render({ direction: 'ltr', blocks: [{ kind: 'text', text: 'x' }] });
    expect(Buffer.from(bytes).subarray(0, 2).toString('hex')).toBe('1b40');
  });
});

