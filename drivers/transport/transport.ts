/**
 * The one byte seam every driver and simulator talks through. Kept tiny on purpose
 * (node-serialport style): a real serial port, one end of a socat pseudo-terminal pair,
 * an in-process link and a mock all fit behind it.
 */
export interface Transport {
  /** Resolves once the bytes are handed to the OS (or the peer, for in-process links). */
  write(data: Uint8Array): Promise<void>;
  /** Subscribe to incoming bytes; returns the unsubscribe function. */
  onData(listener: (chunk: Buffer) => void): () => void;
  /** Called once when the link closes or is lost (err set when lost). */
  onClose(listener: (err?: Error) => void): () => void;
  /** Links that can come back (a reconnecting serial port) tell when they are open again. */
  onReopen?(listener: () => void): () => void;
  close(): Promise<void>;
  readonly isOpen: boolean;
  /** Human-readable name for logs and the technician screen, e.g. "/dev/ttyUSB0" or "memory:printer". */
  readonly name: string;
}

export interface SerialSettings {
  path: string;
  baudRate: number;
  dataBits?: 7 | 8;
  parity?: 'none' | 'even' | 'odd';
  stopBits?: 1 | 2;
  rtscts?: boolean;
  xon?: boolean;
  xoff?: boolean;
}
