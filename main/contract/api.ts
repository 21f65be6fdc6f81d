import { z } from 'zod';
import type { Result } from './result.ts';

/**
 * The one contract between renderer and core. Params are zod schemas (validated by the
 * dispatcher before any handler runs); results and events are plain types. The renderer
 * imports this file with `import type` only, so zod never ships to the screen.
 */
const locale = z.enum(['ar', 'en']);
const billService = z.enum(['electricityWater', 'telephone', 'paciFee', 'justiceFee']);
/** Account numbers as printed on bills: digits only, bounded. */
const accountNumber = z.string().regex(/^\d{4,14}$/, 'account number must be 4 to 14 digits');

export const methodParams = {
  'kiosk.info': z.object({}).strict(),
  'session.start': z.object({ locale }).strict(),
  'session.setLocale': z.object({ locale }).strict(),
  'session.end': z.object({}).strict(),
  'bill.lookup': z.object({ service: billService, account: accountNumber }).strict(),
  'payment.start': z.object({ payableIds: z.array(z.string().min(1).max(64)).min(1).max(50) }).strict(),
  'payment.get': z.object({ transactionId: z.string().uuid() }).strict(),
  'payment.cancel': z.object({ transactionId: z.string().uuid() }).strict(),
  'receipt.print': z.object({ transactionId: z.string().uuid() }).strict(),
} as const;

export type Method = keyof typeof methodParams;
export type Params<M extends Method> = z.infer<(typeof methodParams)[M]>;
export type Locale = z.infer<typeof locale>;
export type BillService = z.infer<typeof billService>;

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
}

export type PaymentState = 'created' | 'authorizing' | 'approved' | 'declined' | 'aborted' | 'flagged';
export type ReceiptState = 'none' | 'printed' | 'failed';
export type PostingState = 'none' | 'pending' | 'delivered' | 'dead';

export interface PaymentView {
  transactionId: string;
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

export interface MethodResults {
  'kiosk.info': KioskInfo;
  'session.start': { sessionId: string };
  'session.setLocale': null;
  'session.end': null;
  'bill.lookup': Bill;
  'payment.start': { transactionId: string };
  'payment.get': PaymentView;
  'payment.cancel': null;
  'receipt.print': { printed: boolean };
}

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

/** Events the core pushes to the renderer. */
export interface Events {
  'payment.progress': { transactionId: string; code: PaymentProgressCode | 'printing' | 'connecting' };
  'payment.updated': PaymentView;
  connectivity: { online: boolean };
  'devices.changed': { devices: DeviceSummary[] };
}
export type EventName = keyof Events;

/** What both transports (Electron preload and the WebSocket client) give the renderer. */
export interface KioskBridge {
  call<M extends Method>(method: M, params: Params<M>): Promise<Result<MethodResults[M]>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
