/** Domain types that cross the bridge (shared by core and renderer; types only). */
import type { BillService } from './api.ts';

export type ProfileId = 'KW' | 'BH' | 'QA';
export type CurrencyCode = 'KWD' | 'BHD' | 'QAR';

export interface Money {
  amountMinor: number;
  currency: CurrencyCode;
}

export type DeviceName = 'printer' | 'terminal' | 'idReader';
export interface DeviceSummary {
  name: DeviceName;
  state: string;
  supply?: string;
  detail?: string;
}

export interface KioskInfo {
  kioskId: string;
  profile: ProfileId;
  currency: CurrencyCode;
  minorDigits: number;
  location: { ar: string; en: string };
  online: boolean;
  devices: DeviceSummary[];
  idle: { seconds: number; warningSeconds: number };
  nationalIdDigits: number;
  branding: { primary: string; primaryInk: string; accent: string; logoText: Bilingual };
  numerals: 'arab' | 'latn';
  hijri: boolean;
  /** Demo mode (embedded demo gateway): the screen shows a "DEMO" mark. */
  demo: boolean;
  /** Set while the kiosk refuses payments, with why (e.g. its kiosk number is taken). */
  paymentsRefused?: { code: 'kioskNumberTaken'; message: string };
  /** Donation limits, in minor units: the most per fund, and the amount above which the visitor confirms it in words. */
  donations: DonationLimits;
}

export interface DonationLimits {
  maxMinor: Record<string, number>;
  confirmAboveMinor: number;
}

export interface Bilingual {
  ar: string;
  en: string;
}

export interface Bill {
  billId: string;
  service: BillService;
  account: string;
  entity: Bilingual;
  description?: Bilingual;
  period: string;
  dueDate: string;
  amount: Money;
}

/**
 * Something the visitor may pay in this session: a fetched bill, a fetched fine, or a
 * donation amount. Payments name payables by id, so the renderer can never invent amounts.
 */
export interface Payable {
  payableId: string;
  kind: 'bill' | 'fine' | 'donation';
  /** billId, fineId or the donation fund id: what the gateway posting refers to. */
  reference: string;
  /** E.g. the account number for a bill; shown on screen and receipt (never a civil ID). */
  detail?: string;
  entity: Bilingual;
  label: Bilingual;
  amount: Money;
  /**
   * Set when a payment at this kiosk already holds this item (paid here and being sent, or being
   * paid right now): shown as such, and it cannot be paid again.
   */
  paidHere?: PaidHere;
}

export interface PaidHere {
  /** `paid`: approved here; `inProgress`: a payment is at the terminal or waits for a technician. */
  state: 'paid' | 'inProgress';
  /** When it was paid (or the payment began). */
  at: string;
  /** Whether the entity has it yet: pending = being sent; dead = not accepted yet, the centre follows up. */
  posting: PostingState;
  /** The receipt's reference, so the visitor can match it with their paper. */
  reference?: string;
}

export type PaymentState = 'created' | 'authorizing' | 'approved' | 'declined' | 'aborted' | 'flagged';
export type ReceiptState = 'none' | 'printed' | 'failed';
export type PostingState = 'none' | 'pending' | 'delivered' | 'dead';

export interface PaymentView {
  transactionId: string;
  /** Short numeric reference on the receipt; typed to have it printed again. */
  reference?: string;
  state: PaymentState;
  amount: Money;
  items: { kind: Payable['kind']; reference: string; detail?: string; label: Bilingual; amount: Money }[];
  receiptState: ReceiptState;
  postingState: PostingState;
  /** Set once approved: what the terminal reported (masked card only). */
  terminal?: { authCode: string; maskedPan: string; receiptNumber: number; traceNumber: number; terminalId: string };
  declineReason?: string;
  createdAt: string;
}

export type InquiryKind = 'trafficFines' | 'residency' | 'passport' | 'civilIdCard';

/** What the screen may know of the visitor's identity: never the full number. */
export interface IdentityView {
  present: boolean;
  /** E.g. "2••••••••123". */
  masked?: string;
  source?: 'scan' | 'keypad';
  /** Document expired (from the MRZ), shown as a warning. */
  documentExpired?: boolean;
}

export type IdentityErrorCode =
  | 'length'
  | 'format'
  | 'checkDigit'
  | 'date'
  | 'notFound'
  | 'unreadable'
  | 'badCheckDigit'
  | 'otherCountry'
  | 'expired'
  | 'unknownFormat'
  | 'badLength';

export interface Fine {
  payableId: string;
  fineId: string;
  issuedAt: string;
  plate: string;
  place: Bilingual;
  violation: Bilingual;
  amount: Money;
  /** The payable the session holds for this fine (what the summary shows and the payment names). */
  payable: Payable;
}

export type InquiryResult =
  | { kind: 'trafficFines'; fines: Fine[]; total: Money }
  | { kind: 'residency'; status: 'valid' | 'expiringSoon' | 'expired' | 'none'; expiryDate?: string; residencyKind?: Bilingual }
  | { kind: 'passport'; status: 'none' | 'received' | 'inProgress' | 'readyForCollection' | 'delivered'; updatedAt?: string; collectionPoint?: Bilingual }
  | { kind: 'civilIdCard'; status: 'none' | 'inProduction' | 'readyForCollection' | 'delivered'; updatedAt?: string; collectionPoint?: Bilingual };

export interface ComplaintReceipt {
  trackingNumber: string;
  dueDate: string;
  /** True while the complaint waits in the outbox for the network. */
  queued: boolean;
}

export interface ComplaintStatusView {
  trackingNumber: string;
  status: 'received' | 'inProgress' | 'resolved' | 'closed';
  dueDate: string;
  updatedAt: string;
  reply?: Bilingual;
}

export interface TicketView {
  number: string;
  counterGroup: string;
  waitingAhead?: number;
  estimatedWaitMinutes?: number;
  /** Issued under local numbering while offline (see README). */
  offline: boolean;
  serviceName: Bilingual;
}

/**
 * Terminal progress as the screen sees it. Spelled out here because the contract imports nothing
 * from drivers/; test/main/contract/progress-code.test.ts proves it equals the driver's union.
 */
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
