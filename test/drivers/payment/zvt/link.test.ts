import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { wrapSerialPort } from '../../../../drivers/transport/serial-transport.ts';
import { encodeFrame } from '../../../../drivers/payment/zvt/framing.ts';
import { ZvtLink, type LinkOptions } from '../../../../drivers/payment/zvt/link.ts';
import { bytes, hex } from './hex.ts';

let n = 0;
const opened: SerialPortMock[] = [];

async function mockLink(options: Partial<LinkOptions> = {}) {
  const path = `/dev/zvt-link-${n++}`;
  SerialPortMock.binding.createPort(path, { record: true });
  const port = new SerialPortMock({ path, baudRate: 9600 });
  await new Promise<void>((resolve, reject) => port.on('open', resolve).on('error', reject));
  opened.push(port);
  const link = new ZvtLink(wrapSerialPort(port, path), { ackTimeoutMs: 40, charTimeoutMs: 30, maxResends: 3, ...options });
  const written = (): Buffer => port.port?.recording ?? Buffer.alloc(0);
  const fromTerminal = (b: Uint8Array | number[]): void => port.port?.emitData(Buffer.from(b));
  return { link, port, written, fromTerminal };
}

const until = async (cond: () => boolean, ms = 1000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 2));
  }
};

afterEach(async () => {
  for (const p of opened.splice(0)) if (p.isOpen) await new Promise((r) => p.close(r));
  SerialPortMock.binding.reset();
});

describe('ZvtLink (transport layer, one mock port)', () => {
  const ack = bytes('80 00 00');
  const frame = encodeFrame(ack);

  it('sends a frame and completes on ACK', async () => {
    const { link, written, fromTerminal } = await mockLink();
    const sent = link.send(ack, { resendOnTimeout: false });
    await until(() => written().length === frame.length);
    fromTerminal([0x06]);
    expect(await sent).toBe('acked');
    expect(hex(written())).toBe(hex(frame));
  });

  it('resends after NAK at most 3 times, then reports rejected', async () => {
    const { link, written, fromTerminal } = await mockLink();
    const sent = link.send(ack, { resendOnTimeout: false });
    for (let i = 1; i <= 4; i++) {
      await until(() => written().length === i * frame.length);
      fromTerminal([0x15]);
    }
    expect(await sent).toBe('rejected');
    expect(written().length).toBe(4 * frame.length);
  });

  it('never resends a frame on silence when the caller forbids it (a payment may have arrived)', async () => {
    const { link, written } = await mockLink();
    expect(await link.send(ack, { resendOnTimeout: false })).toBe('noAck');
    expect(written().length).toBe(frame.length);
  });

  it('resends on silence when allowed, 1 + 3 attempts', async () => {
    const { link, written } = await mockLink();
    expect(await link.send(ack, { resendOnTimeout: true })).toBe('noAck');
    expect(written().length).toBe(4 * frame.length);
  });

  it('ACKs good frames and passes them up, NAKs bad ones', async () => {
    const { link, written, fromTerminal } = await mockLink();
    const got: string[] = [];
    link.onMessage((m) => got.push(hex(m)));
    const bad = encodeFrame(bytes('04 FF 01 0A'));
    bad[bad.length - 2]! ^= 0x40;
    fromTerminal([...bad]);
    fromTerminal([...encodeFrame(bytes('04 FF 01 0A'))]);
    await until(() => written().length === 2);
    expect(hex(written())).toBe('15 06');
    expect(got).toEqual(['04 FF 01 0A']);
  });

  it('drops and NAKs a frame that stalls mid-way (inter-character timeout)', async () => {
    const { link, written, fromTerminal } = await mockLink();
    const got: Uint8Array[] = [];
    link.onMessage((m) => got.push(m));
    fromTerminal([0x10, 0x02, 0x04, 0xff]);
    await until(() => written().length === 1);
    expect(hex(written())).toBe('15');
    fromTerminal([...encodeFrame(bytes('06 0F 00'))]);
    await until(() => got.length === 1);
  });

  it('reports closed to a pending send when the port goes away', async () => {
    const { link, port } = await mockLink({ ackTimeoutMs: 5000 });
    let closed = false;
    link.onClose(() => (closed = true));
    const sent = link.send(ack, { resendOnTimeout: false });
    await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => port.close(r));
    expect(await sent).toBe('closed');
    expect(closed).toBe(true);
  });
});
