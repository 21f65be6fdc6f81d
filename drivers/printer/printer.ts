import type { DeviceStatus } from '../status.ts';

/**
 * A receipt as structured content. The driver decides how each run reaches paper:
 * Arabic runs are shaped and rendered to raster, Latin text and digits go as native text.
 */
export type ReceiptBlock =
  | { kind: 'text'; text: string; align?: 'start' | 'center' | 'end'; size?: 'normal' | 'large' | 'huge'; bold?: boolean }
  /** A label/value row: label at the reading start, value at the reading end. */
  | { kind: 'pair'; label: string; value: string }
  | { kind: 'rule' }
  | { kind: 'qr'; data: string }
  | { kind: 'feed'; lines: number };

export interface ReceiptDocument {
  /** Reading direction of the document: 'rtl' for Arabic receipts. */
  direction: 'rtl' | 'ltr';
  blocks: ReceiptBlock[];
  /** Cut the paper at the end (default true). */
  cut?: boolean;
}

export type PrintResult = { ok: true; bytes: number } | { ok: false; code: 'paperOut' | 'offline' | 'coverOpen' | 'error' | 'cancelled'; message: string };

export interface ReceiptPrinter {
  /** Real-time status (DLE EOT); safe to call between jobs and before a payment. */
  checkStatus(): Promise<DeviceStatus>;
  print(doc: ReceiptDocument): Promise<PrintResult>;
  /** Drops every job not yet started (visitor session reset); a job on the paper finishes. */
  cancelPending(): void;
  status(): DeviceStatus;
  onStatus(listener: (s: DeviceStatus) => void): () => void;
  close(): Promise<void>;
}
