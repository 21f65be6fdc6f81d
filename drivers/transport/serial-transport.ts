import type { SerialPort, SerialPortMock } from 'serialport';
import type { SerialSettings, Transport } from './transport.ts';
import { Listeners } from './listeners.ts';

/** A Transport over a real serial port (or one end of a socat pseudo-terminal pair). */
export async function openSerialTransport(settings: SerialSettings): Promise<Transport> {
  // Loaded at the first real port: a kiosk on simulators (the demo) never pays for the native binding.
  const { SerialPort } = await import('serialport');
  const port = new SerialPort({
    path: settings.path,
    baudRate: settings.baudRate,
    dataBits: settings.dataBits ?? 8,
    parity: settings.parity ?? 'none',
    stopBits: settings.stopBits ?? 1,
    rtscts: settings.rtscts ?? false,
    xon: settings.xon ?? false,
    xoff: settings.xoff ?? false,
    autoOpen: false,
  });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  return wrapSerialPort(port, settings.path);
}

/** Wraps an already-open SerialPort (including SerialPortMock) as a Transport. */
export function wrapSerialPort(port: SerialPort | SerialPortMock, name: string): Transport {
  const data = new Listeners<[Buffer]>();
  const closed = new Listeners<[Error | undefined]>();
  let open = true;
  port.on('data', (chunk: Buffer) => data.emit(chunk));
  port.on('close', (err?: Error & { disconnected?: boolean }) => {
    if (!open) return;
    open = false;
    closed.emit(err ?? undefined);
  });
  port.on('error', (err: Error) => {
    if (!open) return;
    open = false;
    closed.emit(err);
  });
  return {
    name,
    get isOpen() {
      return open && port.isOpen;
    },
    write(bytes: Uint8Array): Promise<void> {
      return new Promise((resolve, reject) => {
        if (!open) return reject(new Error(`${name}: port closed`));
        port.write(Buffer.from(bytes), (err) => {
          if (err) return reject(err);
          port.drain((e) => (e ? reject(e) : resolve()));
        });
      });
    },
    onData: (fn) => data.add(fn),
    onClose: (fn) => closed.add(fn),
    close(): Promise<void> {
      if (!open) return Promise.resolve();
      open = false;
      return new Promise((resolve) => port.close(() => resolve()));
    },
  };
}
