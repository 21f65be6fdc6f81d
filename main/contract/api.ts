import { z } from 'zod';
import type { Result } from './result.ts';
import type {
  Bill,
  ComplaintReceipt,
  ComplaintStatusView,
  DeviceSummary,
  IdentityErrorCode,
  IdentityView,
  InquiryResult,
  KioskInfo,
  Payable,
  PaymentProgressCode,
  PaymentView,
  TicketView,
} from './types.ts';
import { techMethodParams, type KioskStateView, type TechEvents, type TechMethodResults } from './tech-api.ts';

export type * from './types.ts';
export type * from './tech-api.ts';

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
  /** The card's last four digits prove the receipt is the visitor's own; the reference ends in a keyed check group (local-numbers.ts). */
  'receipt.reprint': z.object({ reference: z.string().regex(/^\d{16}$/, 'the reference has 16 digits'), cardLast4: z.string().regex(/^\d{4}$/, 'four digits') }).strict(),
  'catalogue.get': z.object({}).strict(),
  /** A fresh real-time status from the receipt printer (before a payment). */
  'printer.check': z.object({}).strict(),
  /** Civil number typed on the keypad; validated for the kiosk's country profile. */
  'identity.enter': z.object({ nationalId: z.string().regex(/^[0-9٠-٩]{6,14}$/, 'digits only') }).strict(),
  'identity.get': z.object({}).strict(),
  'identity.clear': z.object({}).strict(),
  'inquiry.run': z.object({ kind: z.enum(['trafficFines', 'residency', 'passport', 'civilIdCard']) }).strict(),
  'donation.prepare': z.object({ fundId: z.string().regex(/^[a-zA-Z0-9-]{1,32}$/), amountMinor: z.number().int().positive().max(100_000_000) }).strict(),
  'complaint.submit': z
    .object({
      entityId: z.string().min(1).max(64),
      typeId: z.string().min(1).max(64),
      kind: z.enum(['complaint', 'suggestion']),
      text: z.string().trim().min(10, 'please write at least 10 characters').max(2000),
      mobile: z.string().regex(/^\+?\d{8,15}$/, 'mobile number must be 8 to 15 digits').optional(),
    })
    .strict(),
  'complaint.status': z.object({ trackingNumber: z.string().regex(/^[A-Z0-9-]{6,32}$/, 'tracking number format') }).strict(),
  'complaint.print': z.object({ trackingNumber: z.string().regex(/^[A-Z0-9-]{6,32}$/) }).strict(),
  'ticket.issue': z.object({ serviceId: z.string().min(1).max(64) }).strict(),
  /** The kiosk application state and which services can be used now. */
  'kiosk.state': z.object({}).strict(),
  ...techMethodParams,
} as const;

export type Method = keyof typeof methodParams;
export type Params<M extends Method> = z.infer<(typeof methodParams)[M]>;
export type Locale = z.infer<typeof locale>;
export type BillService = z.infer<typeof billService>;

export interface MethodResults extends TechMethodResults {
  'kiosk.state': KioskStateView;
  'kiosk.info': KioskInfo;
  'session.start': { sessionId: string };
  'session.setLocale': null;
  'session.end': null;
  /** The bill, and the payable the session now holds for it. */
  'bill.lookup': { bill: Bill; payable: Payable };
  'payment.start': { transactionId: string };
  'payment.get': PaymentView;
  'payment.cancel': null;
  'receipt.print': { printed: boolean };
  'receipt.reprint': { printed: boolean };
  'catalogue.get': { version: number; catalogue: unknown };
  'printer.check': DeviceSummary;
  'identity.enter': IdentityView;
  'identity.get': IdentityView;
  'identity.clear': null;
  'inquiry.run': InquiryResult;
  'donation.prepare': Payable;
  'complaint.submit': ComplaintReceipt;
  'complaint.status': ComplaintStatusView;
  'complaint.print': { printed: boolean };
  'ticket.issue': TicketView;
}

/** Events the core pushes to the renderer. */
export interface Events extends TechEvents {
  'payment.progress': { transactionId: string; code: PaymentProgressCode | 'printing' | 'connecting' };
  'payment.updated': PaymentView;
  connectivity: { online: boolean };
  'devices.changed': { devices: DeviceSummary[] };
  /** The ID reader read a document (or failed to): identity is in the core's session now. */
  'identity.changed': IdentityView;
  'identity.error': { code: IdentityErrorCode; field?: string };
  /** The core accepted a newer catalogue from the gateway: screens fetch it again. */
  'catalogue.changed': { version: number };
}
export type EventName = keyof Events;

/** What both transports (Electron preload and the WebSocket client) give the renderer. */
export interface KioskBridge {
  call<M extends Method>(method: M, params: Params<M>): Promise<Result<MethodResults[M]>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
