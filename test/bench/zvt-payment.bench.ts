import type { BenchRow } from './bench-types.ts';
import { now, percentile } from './kit.ts';
import { createMemoryLink } from '../../drivers/transport/memory-link.ts';
import type { Transport } from '../../drivers/transport/transport.ts';
import { ZvtPaymentTerminal } from '../../drivers/payment/zvt/driver.ts';
import { FrameDecoder, encodeFrame } from '../../drivers/payment/zvt/framing.ts';
import { statusInformation } from '../../drivers/payment/zvt/terminal-messages.ts';
import { ZvtTerminalSimulator } from '../../drivers/payment/zvt-sim/simulator.ts';
import { ptyLink } from '../drivers/payment/zvt/pty-rig.ts';


/** Counts the bytes written through a Transport (both directions are counted at the writer). */
function counting(t: Transport, tally: { bytes: number }): Transport {
  return {
    get name() { return t.name; },
    get isOpen() { return t.isOpen; },
    write: (d) => {
      tally.bytes += d.length;
      return t.write(d);
    },
    onData: (fn) => t.onData(fn),
    onClose: (fn) => t.onClose(fn),
    close: () => t.close(),
  };
}

async function payments(host: Transport, device: Transport, n: number): Promise<number[]> {
  const sim = new ZvtTerminalSimulator({ delayScale: 0, cardWaitRepeats: 0 });
  sim.attach(device);
  const driver = new ZvtPaymentTerminal(host, { password: '000000', currencyNumeric: 414 });
  await driver.open();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = now();
    const out = await driver.authorize({ amountMinor: 1000 + i * 100, currencyNumeric: 414, reference: `b${i}` });
    times.push(now() - t0);
    if (out.kind !== 'approved') throw new Error(`bench payment ${i}: ${out.kind}`);
  }
  await driver.close();
  await sim.close();
  return times;
}

export default async function zvtBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];

  // 1. Protocol cost alone: in-process link, simulator without delays.
  const tally = { bytes: 0 };
  const [h, d] = createMemoryLink({ name: 'zvt-bench' });
  const mem = await payments(counting(h, tally), counting(d, tally), 51);
  const perPayment = tally.bytes / 51; // includes one registration spread over 51 payments: negligible
  rows.push({ name: 'zvt: authorization round trip, memory link, median', value: +percentile(mem, 50).toFixed(2), unit: 'ms', goal: '<= 20 ms', met: percentile(mem, 50) <= 20, kind: 'measured' });
  rows.push({ name: 'zvt: authorization round trip, memory link, p95', value: +percentile(mem, 95).toFixed(2), unit: 'ms', goal: 'report', met: null, kind: 'measured' });
  rows.push({ name: 'zvt: bytes on the wire per approved payment (both directions)', value: Math.round(perPayment), unit: 'bytes', goal: 'report', met: null, kind: 'computed' });
  // What those bytes cost on a real 9600-baud 8N1 line (10 bit times per byte), before terminal think time.
  const wireMs = (perPayment * 10 * 1000) / 9600;
  rows.push({ name: 'zvt: serial time per payment at 9600 baud', value: +wireMs.toFixed(0), unit: 'ms', goal: '<= 1000 ms', met: wireMs <= 1000, kind: 'computed' });

  // 2. Through real pseudo-terminals (node-serialport on both ends).
  const pty = await ptyLink();
  try {
    const times = await payments(pty.host, pty.device, 21);
    rows.push({ name: 'zvt: authorization round trip, pty pair, median', value: +percentile(times, 50).toFixed(2), unit: 'ms', goal: '<= 100 ms', met: percentile(times, 50) <= 100, kind: 'measured' });
  } finally {
    await pty.device.close().catch(() => undefined);
    await pty.pair.close();
  }

  // 3. Frame decoder throughput on approval-sized frames fed in 64-byte chunks.
  const frame = encodeFrame(statusInformation({
    resultCode: 0, amountMinor: 1250, currencyNumeric: 414, traceNumber: 1010, receiptNumber: 1010, time: '101010',
    date: '1010', pan: '************1010', terminalId: '52001010', authCode: '101010', cardType: 10,
  }));
  const stream = new Uint8Array(frame.length * 4000);
  for (let i = 0; i < 4000; i++) stream.set(frame, i * frame.length);
  const dec = new FrameDecoder();
  const t0 = now();
  let frames = 0;
  for (let o = 0; o < stream.length; o += 64) frames += dec.push(stream.subarray(o, o + 64)).filter((e) => e.type === 'frame').length;
  const mbps = stream.length / 1e6 / ((now() - t0) / 1000);
  if (frames !== 4000) throw new Error(`decoder bench lost frames: ${frames}`);
  // 100 × a 115200-baud line (11.5 kB/s) is 1.15 MB/s.
  rows.push({ name: 'zvt: frame decoder throughput', value: +mbps.toFixed(1), unit: 'MB/s', goal: '>= 1.15 MB/s', met: mbps >= 1.15, kind: 'measured' });
  return rows;
}
