import { describe, expect, it } from 'vitest';
import { createMemoryLink } from '../../../drivers/transport/memory-link.ts';
import { createReconnectingTransport } from '../../../drivers/transport/reconnecting-transport.ts';
import type { Transport } from '../../../drivers/transport/transport.ts';
import { ZvtPaymentTerminal, ZvtTerminalSimulator } from '../../../drivers/payment/zvt/index.ts';
import { EPSON_TM_T88_80MM, EscPosSimulator, createEscPosPrinter } from '../../../drivers/printer/index.ts';
import { MrzReaderDriver } from '../../../drivers/idreader/index.ts';

/** Each open is a fresh in-process link whose device end `attach` hands to a simulator. */
function cable(attach: (device: Transport) => void) {
  let plugged = true;
  let device: Transport | undefined;
  return {
    open: async (): Promise<Transport> => {
      if (!plugged) throw new Error('ENODEV');
      const [host, dev] = createMemoryLink({ name: 'usb' });
      device = dev;
      attach(dev);
      return host;
    },
    unplug: async () => {
      plugged = false;
      await device?.close();
    },
    plug: () => (plugged = true),
  };
}
const until = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('drivers over a port that is unplugged and plugged in again', () => {
  it('the payment terminal goes linkLost, can register again once the port is back, and pays', async () => {
    const sim = new ZvtTerminalSimulator({ password: '000000', delayScale: 0 });
    const c = cable((dev) => sim.attach(dev));
    const port = createReconnectingTransport(c.open, { name: 'terminal', retryMs: 10 });
    await port.ready;
    const terminal = new ZvtPaymentTerminal(port, { password: '000000', currencyNumeric: 414 });
    await terminal.open();
    expect(terminal.status().device).toBe('online');

    await c.unplug();
    await until(() => terminal.state === 'linkLost');
    expect(terminal.status().device).toBe('offline');
    c.plug();
    await until(() => terminal.state === 'failed'); // back, but not registered yet
    await terminal.open();
    expect(terminal.state).toBe('ready');
    const outcome = await terminal.authorize({ amountMinor: 4_250, currencyNumeric: 414, reference: 'r1' });
    expect(outcome.kind).toBe('approved');
    await terminal.close();
  });

  it('the printer and the document reader report offline, then online again by themselves', async () => {
    const c1 = cable((dev) => new EscPosSimulator(dev, EPSON_TM_T88_80MM));
    const printerPort = createReconnectingTransport(c1.open, { name: 'printer', retryMs: 10 });
    await printerPort.ready;
    const printer = createEscPosPrinter(printerPort, EPSON_TM_T88_80MM, { statusTimeoutMs: 100 });
    expect((await printer.checkStatus()).device).toBe('online');

    const c2 = cable(() => undefined);
    const readerPort = createReconnectingTransport(c2.open, { name: 'reader', retryMs: 10 });
    await readerPort.ready;
    const reader = new MrzReaderDriver(readerPort);
    expect(reader.status().device).toBe('online');

    await c1.unplug();
    await c2.unplug();
    await until(() => printer.status().device === 'offline' && reader.status().device === 'offline');
    c1.plug();
    c2.plug();
    await until(() => printer.status().device === 'online' && reader.status().device === 'online');
    expect((await printer.print({ direction: 'ltr', blocks: [{ kind: 'text', text: 'back again' }] })).ok).toBe(true);
    await printer.close();
    await reader.close();
  });
});
