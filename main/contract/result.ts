/** Results, not exceptions, cross the bridge (Signal Desktop style). */
export type ErrorCode =
  | 'unauthorized'
  | 'malformed'
  | 'unknownMethod'
  | 'invalidRequest'
  | 'notFound'
  | 'offline'
  | 'gatewayError'
  | 'deviceUnavailable'
  | 'conflict'
  | 'noSession'
  /** The civil number is not valid; the message is the IdentityErrorCode. */
  | 'invalidIdentity'
  /** An inquiry needs the visitor's civil number first. */
  | 'noIdentity'
  /** An item is already paid (or being paid) at this kiosk: it cannot be paid again. */
  | 'alreadyPaid'
  /** Too many wrong answers (reprint, status look-up): wait before trying again. */
  | 'tooManyAttempts'
  /** This kiosk may not take payments (e.g. its kiosk number is held by another kiosk); the message says why. */
  | 'paymentsRefused'
  /** Technician entry is locked after wrong PINs; the message is the seconds to wait. */
  | 'locked'
  /** The service (or the whole kiosk) cannot be used now: maintenance, a required device down, hours. */
  | 'unavailable'
  | 'internal';

export interface KioskErrorShape {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskErrorShape };

/** Thrown by core services; the dispatcher turns it into `{ok:false,error}`. */
export class KioskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KioskError';
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });
