import type { DeviceStatus } from '../status.ts';

/**
 * Protocol-neutral payment terminal interface. The kiosk core only ever sees this;
 * ZVT lives in ./zvt/, and an acquirer's own ECR protocol can be added beside it.
 * Amounts are integers in minor units (fils for KWD/BHD, dirham for QAR).
 */
export interface PaymentRequest {
  amountMinor: number;
  /** ISO 4217 numeric: KWD 414, BHD 48, QAR 634. */
  currencyNumeric: number;
  /** The kiosk's transaction id (not sent to the terminal by every protocol). */
  reference: string;
}

/** Intermediate states shown to the visitor while the terminal works; localised by the UI. */
export type PaymentProgressCode =
  | 'insertCard'
  | 'presentCard'
  | 'enterPin'
  | 'pleaseWait'
  | 'processing'
  | 'removeCard'
  | 'approvedRemoveCard'
  | 'declined'
  | 'other';

export interface PaymentProgress {
  code: PaymentProgressCode;
  /** Raw terminal display text, if it sent any (for logs on the technician screen only). */
  terminalText?: string;
}

export interface TerminalReceipt {
  amountMinor: number;
  currencyNumeric: number;
  traceNumber: number;
  receiptNumber: number;
  terminalId: string;
  cardType: string;
  /** Masked PAN only, e.g. "************1234". The full PAN never leaves the terminal. */
  maskedPan: string;
  authCode: string;
  /** ISO 8601 local date-time as reported by the terminal. */
  dateTime: string;
  /**
   * The cardholder receipt as the terminal formatted it (when the ECR prints receipts): card
   * schemes require these lines on the visitor's receipt. Masked PAN only, like maskedPan.
   */
  printLines?: string[];
}

export type PaymentOutcome =
  | { kind: 'approved'; receipt: TerminalReceipt }
  | { kind: 'declined'; resultCode: number; reason: string }
  | { kind: 'aborted'; reason: string }
  /** Link lost or timed out after the request may have reached the terminal: must reconcile. */
  | { kind: 'unknown'; reason: string };

/** What the terminal says about its last transaction (status enquiry / repeat receipt). */
export type LastTransaction =
  | { kind: 'approved'; receipt: TerminalReceipt }
  | { kind: 'notApproved'; traceNumber?: number; resultCode?: number }
  | { kind: 'none' }
  | { kind: 'unavailable'; reason: string };

export interface EndOfDayResult {
  ok: boolean;
  totalMinor?: number;
  count?: number;
  resultCode?: number;
  /** The terminal whose batch was closed. */
  terminalId?: string;
  /** The terminal's own end-of-day report lines, when it sent them for the ECR to print. */
  printLines?: string[];
}

/** A terminal message that arrived when no command was waiting for it (e.g. after a timeout). */
export interface LateTerminalMessage {
  kind: 'statusInfo' | 'completion' | 'abort';
  resultCode?: number;
  /** Present when the message carried a whole transaction (amount, trace, receipt number). */
  receipt?: TerminalReceipt;
}

export interface PaymentTerminal {
  /** Registration / handshake; call once after the link opens. */
  open(): Promise<void>;
  authorize(req: PaymentRequest, onProgress?: (p: PaymentProgress) => void): Promise<PaymentOutcome>;
  /** Ask the terminal to abort the running authorization (visitor pressed cancel). */
  abort(): Promise<void>;
  /** Ask the terminal what happened to its last transaction. Never re-sends a payment. */
  lastTransaction(): Promise<LastTransaction>;
  /** Reverse an approved transaction by its receipt number. */
  reverse(receiptNumber: number, onProgress?: (p: PaymentProgress) => void): Promise<PaymentOutcome>;
  endOfDay(): Promise<EndOfDayResult>;
  status(): DeviceStatus;
  onStatus(listener: (s: DeviceStatus) => void): () => void;
  /** Late messages are evidence (an approval that came after the kiosk gave up): keep them. */
  onLateMessage?(listener: (m: LateTerminalMessage) => void): () => void;
  close(): Promise<void>;
}
