import type { Transport } from '../../drivers/transport/transport.ts';
import { escpos } from '../../drivers/printer/index.ts';
import { encodeFrame, FrameDecoder } from '../../drivers/payment/zvt/index.ts';
import { encodeApdu } from '../../drivers/payment/zvt/apdu.ts';
import { encodeBcd } from '../../drivers/payment/zvt/bcd.ts';
import type { DeviceRole, ProbeResult } from '../contract/api.ts';

export interface ProbeOptions {
  /** Opens the port at a baud rate (each role is tried at its usual speed unless one is given). */
  open: (baudRate: number) => Promise<Transport>;
  baudRate?: number;
  terminalPassword: string;
  /** How long to listen for each identification. */
  waitMs?: number;
}

const ACK = 0x06;
/** A real-time status byte (DLE EOT 1) always has bit 1 and bit 4 set, bits 0 and 7 clear. */
const isStatusByte = (b: number) => (b & 0x93) === 0x12;
const MRZ_LINE = /^[A-Z0-9<]{30,44}$/;

function collect(t: Transport, ms: number, until: (bytes: Buffer) => boolean): Promise<Buffer> {
  return new Promise((resolve) => {
    let got = Buffer.alloc(0);
    const done = () => (clearTimeout(timer), off(), resolve(got));
    const off = t.onData((c) => {
      got = Buffer.concat([got, c]);
      if (until(got)) done();
    });
    const timer = setTimeout(done, ms);
  });
}

async function withPort<T>(open: ProbeOptions['open'], baud: number, fn: (t: Transport) => Promise<T>): Promise<T | { error: string }> {
  let t: Transport;
  try {
    t = await open(baud);
  } catch (err) {
    return { error: (err as Error).message };
  }
  try {
    return await fn(t);
  } finally {
    await t.close().catch(() => undefined);
  }
}

/**
 * Asks a port who is there, each driver's own way, least intrusive first: listen for an MRZ
 * reader's line (the technician swipes a document), then an ESC/POS real-time status request
 * (DLE EOT 1, which prints nothing), then a ZVT status enquiry (05 01) whose messages are
 * acknowledged so the terminal is left as it was. Proposes the first role that answered.
 */
export async function probePort(path: string, o: ProbeOptions): Promise<ProbeResult> {
  const wait = o.waitMs ?? 1500;
  const tried: ProbeResult['tried'] = [];
  const note = (role: DeviceRole, answered: boolean, detail: string) => tried.push({ role, answered, detail });

  const reader = await withPort(o.open, o.baudRate ?? 9600, async (t) => {
    const bytes = await collect(t, wait, (b) => b.toString('latin1').split(/[\r\n]+/).some((l) => MRZ_LINE.test(l.replace(/[^A-Z0-9<]/g, ''))));
    return bytes.toString('latin1').split(/[\r\n]+/).some((l) => MRZ_LINE.test(l.replace(/[^A-Z0-9<]/g, '')));
  });
  if (reader === true) return (note('idReader', true, 'MRZ line'), { path, proposed: 'idReader', profile: 'generic-crlf', tried });
  note('idReader', false, typeof reader === 'object' ? reader.error : 'no MRZ line');

  for (const baud of o.baudRate ? [o.baudRate] : [115_200, 38_400, 19_200, 9600]) {
    const printer = await withPort(o.open, baud, async (t) => {
      const reply = collect(t, wait, (b) => b.length >= 1);
      await t.write(escpos.statusRequest(1));
      const b = await reply;
      return b.length === 1 && isStatusByte(b[0]!) ? `status byte 0x${b[0]!.toString(16).padStart(2, '0')} at ${baud}` : undefined;
    });
    if (typeof printer === 'string') return (note('printer', true, printer), { path, proposed: 'printer', profile: 'epson-tm-t88-80mm', tried });
    if (typeof printer === 'object') return (note('printer', false, printer.error), { path, tried });
  }
  note('printer', false, 'no DLE EOT reply');

  const terminal = await withPort(o.open, o.baudRate ?? 9600, async (t) => {
    const decoder = new FrameDecoder();
    let acked = false;
    let frames = 0;
    const off = t.onData((chunk) => {
      for (const ev of decoder.push(chunk)) {
        if (ev.type === 'ack') acked = true;
        if (ev.type === 'frame') {
          frames++;
          // Acknowledge the terminal's messages (ACK, then 80 00 00) so it is left idle.
          void t.write(Uint8Array.of(ACK)).then(() => t.write(encodeFrame(encodeApdu(0x80, 0x00, new Uint8Array(0)))).catch(() => undefined));
        }
      }
    });
    await t.write(encodeFrame(encodeApdu(0x05, 0x01, encodeBcd(o.terminalPassword, 3))));
    await collect(t, wait * 2, () => acked && frames > 0);
    off();
    return acked ? `ZVT ACK${frames ? ` and ${frames} message(s)` : ''}` : undefined;
  });
  if (typeof terminal === 'string') return (note('terminal', true, terminal), { path, proposed: 'terminal', profile: 'zvt', tried });
  note('terminal', false, typeof terminal === 'object' ? terminal.error : 'no ZVT answer');
  return { path, tried };
}
