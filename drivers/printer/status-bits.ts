/**
 * DLE EOT real-time status bytes (ESC/POS): decoding for the driver, encoding for the
 * simulator, so both sides share one table of bit meanings.
 * Every reply has bits 1 and 4 set and bits 0 and 7 clear: (b & 0x93) === 0x12.
 */
import type { DeviceStatus } from '../status.ts';
import type { StatusRequest } from './profiles.ts';

export const STATUS_FIXED_MASK = 0x93;
export const STATUS_FIXED_VALUE = 0x12;

export const isStatusByte = (b: number): boolean => (b & STATUS_FIXED_MASK) === STATUS_FIXED_VALUE;

/** Bit meanings per request (reference.md, ESC/POS section). */
export const STATUS_BITS = {
  1: { offline: 0x08 },
  2: { coverOpen: 0x04, paperEndStop: 0x20, errorOccurred: 0x40 },
  3: { cutterError: 0x08, unrecoverable: 0x20, autoRecoverable: 0x40 },
  4: { nearEnd: 0x0c, paperEnd: 0x60 },
} as const;

export interface PrinterFlags {
  offline: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  cutterError: boolean;
  unrecoverable: boolean;
  autoRecoverable: boolean;
}

export const NO_FLAGS: PrinterFlags = {
  offline: false,
  coverOpen: false,
  paperOut: false,
  paperNearEnd: false,
  cutterError: false,
  unrecoverable: false,
  autoRecoverable: false,
};

/** Replies keyed by request; requests the model does not answer are simply absent. */
export type StatusReplies = Partial<Record<StatusRequest, number>>;

export function decodeStatus(r: StatusReplies): PrinterFlags {
  const has = (n: StatusRequest, mask: number): boolean => r[n] !== undefined && ((r[n] ?? 0) & mask) !== 0;
  // "Both bits" groups (near end, paper end) count when either sensor bit is set.
  return {
    offline: has(1, STATUS_BITS[1].offline),
    coverOpen: has(2, STATUS_BITS[2].coverOpen),
    paperOut: has(2, STATUS_BITS[2].paperEndStop) || has(4, STATUS_BITS[4].paperEnd),
    paperNearEnd: has(4, STATUS_BITS[4].nearEnd),
    cutterError: has(3, STATUS_BITS[3].cutterError),
    unrecoverable: has(3, STATUS_BITS[3].unrecoverable),
    autoRecoverable: has(3, STATUS_BITS[3].autoRecoverable),
  };
}

/** Printer flags → shared device vocabulary. Most severe condition wins the device state. */
export function toDeviceStatus(f: PrinterFlags): DeviceStatus {
  const supply = f.paperOut ? 'out' : f.paperNearEnd ? 'low' : 'full';
  if (f.unrecoverable) return { device: 'hwError', supply, detail: 'unrecoverableError' };
  if (f.cutterError) return { device: 'hwError', supply, detail: 'cutterError' };
  if (f.coverOpen) return { device: 'userError', supply, detail: 'coverOpen' };
  if (f.paperOut) return { device: 'userError', supply, detail: 'paperOut' };
  if (f.autoRecoverable) return { device: 'busy', supply, detail: 'autoRecoverableError' };
  if (f.offline) return { device: 'offline', supply, detail: 'offline' };
  return { device: 'online', supply, ...(f.paperNearEnd ? { detail: 'paperNearEnd' } : {}) };
}

/** What a real printer answers for each request given its condition (simulator side). */
export function encodeStatus(n: StatusRequest, f: PrinterFlags): number {
  let b = STATUS_FIXED_VALUE;
  const stopped = f.coverOpen || f.paperOut || f.cutterError || f.unrecoverable || f.autoRecoverable;
  if (n === 1 && (f.offline || stopped)) b |= STATUS_BITS[1].offline;
  if (n === 2) {
    if (f.coverOpen) b |= STATUS_BITS[2].coverOpen;
    if (f.paperOut) b |= STATUS_BITS[2].paperEndStop;
    if (f.cutterError || f.unrecoverable || f.autoRecoverable) b |= STATUS_BITS[2].errorOccurred;
  }
  if (n === 3) {
    if (f.cutterError) b |= STATUS_BITS[3].cutterError;
    if (f.unrecoverable) b |= STATUS_BITS[3].unrecoverable;
    if (f.autoRecoverable) b |= STATUS_BITS[3].autoRecoverable;
  }
  if (n === 4) {
    // An empty roll is also below the near-end sensor.
    if (f.paperNearEnd || f.paperOut) b |= STATUS_BITS[4].nearEnd;
    if (f.paperOut) b |= STATUS_BITS[4].paperEnd;
  }
  return b;
}
