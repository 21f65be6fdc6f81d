import { z } from 'zod';

/**
 * The government gateway's HTTP API as zod schemas (documented in openapi.yaml beside this
 * file): the kiosk's client validates every response with them, and the demo gateway builds
 * its responses from the same types. Personal identifiers travel only in POST bodies.
 */
export const currency = z.enum(['KWD', 'BHD', 'QAR']);
export const money = z.object({ amountMinor: z.number().int().nonnegative().max(1e12), currency });
export const bilingual = z.object({ ar: z.string().min(1).max(500), en: z.string().min(1).max(500) });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const reference = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

export const billService = z.enum(['electricityWater', 'telephone', 'paciFee', 'justiceFee']);
export type BillService = z.infer<typeof billService>;

export const billSchema = z.object({
  billId: reference,
  service: billService,
  /** Account, phone or case number as the visitor typed it. */
  account: z.string().regex(/^\d{4,14}$/),
  entity: bilingual,
  description: bilingual.optional(),
  period: z.string().regex(/^\d{4}-\d{2}$/),
  dueDate: isoDate,
  amount: money,
});
export type WireBill = z.infer<typeof billSchema>;

export const nationalIdBody = z.object({ nationalId: z.string().regex(/^\d{8,12}$/) });

export const fineSchema = z.object({
  fineId: reference,
  issuedAt: isoDate,
  plate: z.string().max(20),
  place: bilingual,
  violation: bilingual,
  amount: money,
});
export const finesSchema = z.object({ fines: z.array(fineSchema).max(200) });
export type WireFine = z.infer<typeof fineSchema>;

export const residencySchema = z.object({
  status: z.enum(['valid', 'expiringSoon', 'expired', 'none']),
  expiryDate: isoDate.optional(),
  kind: bilingual.optional(),
});
export type WireResidency = z.infer<typeof residencySchema>;

export const passportSchema = z.object({
  status: z.enum(['none', 'received', 'inProgress', 'readyForCollection', 'delivered']),
  updatedAt: isoDate.optional(),
  collectionPoint: bilingual.optional(),
});
export type WirePassport = z.infer<typeof passportSchema>;

export const civilIdCardSchema = z.object({
  status: z.enum(['none', 'inProduction', 'readyForCollection', 'delivered']),
  updatedAt: isoDate.optional(),
  collectionPoint: bilingual.optional(),
});
export type WireCivilIdCard = z.infer<typeof civilIdCardSchema>;

export const postingItem = z.object({
  kind: z.enum(['bill', 'fine', 'donation']),
  /** billId, fineId, or the donation fund id. */
  reference,
  amountMinor: z.number().int().positive(),
});
export const postingSchema = z.object({
  transactionId: z.string().uuid(),
  kioskId: z.string().min(1).max(64),
  paidAt: z.string().datetime({ offset: true }),
  amount: money,
  items: z.array(postingItem).min(1).max(50),
  terminal: z.object({
    terminalId: z.string().max(16),
    traceNumber: z.number().int().nonnegative(),
    receiptNumber: z.number().int().nonnegative(),
    authCode: z.string().max(16),
  }),
});
export type WirePosting = z.infer<typeof postingSchema>;

/**
 * A second payment of a bill or fine that is already paid: accepted and recorded as a credit
 * owed to the payer (refund or credit), never merged into the first payment.
 */
export const overpaymentSchema = z.object({
  amountMinor: z.number().int().positive(),
  reason: z.literal('alreadyPaid'),
  /** The items (of this posting) that were already paid. */
  references: z.array(reference).min(1).max(50),
});
export type WireOverpayment = z.infer<typeof overpaymentSchema>;

/**
 * The gateway's answer echoes what it recorded (key, transaction, amount, items): the kiosk
 * marks a posting delivered only when the echo matches what it sent (main/gateway/posting-ack.ts).
 */
export const postingAckSchema = z.object({
  postingId: z.string().min(1).max(64),
  duplicate: z.boolean(),
  idempotencyKey: z.string().min(8).max(128),
  transactionId: z.string().uuid(),
  amount: money,
  items: z.array(postingItem).min(1).max(50),
  overpayment: overpaymentSchema.optional(),
});
export type WirePostingAck = z.infer<typeof postingAckSchema>;

export const paymentVerificationSchema = z.object({
  transactionId: z.string().uuid(),
  postingId: z.string().min(1).max(64),
  amount: money,
  postedAt: z.string(),
});
export type WirePaymentVerification = z.infer<typeof paymentVerificationSchema>;

export const complaintSchema = z.object({
  /** Made by the kiosk before the first send, so it can be shown and printed while offline. */
  trackingNumber: z.string().regex(/^[A-Z0-9-]{6,32}$/),
  kioskId: z.string().min(1).max(64),
  entityId: z.string().min(1).max(64),
  typeId: z.string().min(1).max(64),
  kind: z.enum(['complaint', 'suggestion']),
  text: z.string().min(1).max(2000),
  mobile: z.string().regex(/^\+?\d{8,15}$/).optional(),
  locale: z.enum(['ar', 'en']),
  submittedAt: z.string().datetime({ offset: true }),
});
export type WireComplaint = z.infer<typeof complaintSchema>;

export const complaintStatusSchema = z.object({
  trackingNumber: z.string().min(1).max(32),
  status: z.enum(['received', 'inProgress', 'resolved', 'closed']),
  dueDate: isoDate,
  updatedAt: z.string(),
  reply: bilingual.optional(),
});
export type WireComplaintStatus = z.infer<typeof complaintStatusSchema>;

export const ticketRequestSchema = z.object({
  kioskId: z.string().min(1).max(64),
  serviceId: z.string().min(1).max(64),
  counterGroup: z.string().min(1).max(16),
  /** Set when the ticket was issued offline under local numbering (see README). */
  localNumber: z.string().max(16).optional(),
  issuedAt: z.string().datetime({ offset: true }),
});
export type WireTicketRequest = z.infer<typeof ticketRequestSchema>;

export const ticketSchema = z.object({
  number: z.string().min(1).max(16),
  counterGroup: z.string().min(1).max(16),
  waitingAhead: z.number().int().nonnegative(),
  estimatedWaitMinutes: z.number().int().nonnegative(),
});
export type WireTicket = z.infer<typeof ticketSchema>;

/** The catalogue travels as opaque JSON here; main/catalogue validates it before use. */
export const catalogueEnvelopeSchema = z.object({ version: z.number().int().nonnegative(), catalogue: z.unknown() });

/** Sent at start-up: a kiosk number is unique within its centre (it prefixes the kiosk's own numbers). */
export const kioskRegistrationSchema = z.object({
  kioskId: z.string().regex(/^[A-Za-z0-9-]{1,32}$/),
  kioskNumber: z.number().int().min(1).max(999),
  /** The centre the kiosk stands in (numbers are unique per centre). */
  location: bilingual,
});
export type WireKioskRegistration = z.infer<typeof kioskRegistrationSchema>;
export const kioskRegistrationAckSchema = z.object({ kioskId: z.string().min(1).max(64), kioskNumber: z.number().int(), registeredAt: z.string() });
export type WireKioskRegistrationAck = z.infer<typeof kioskRegistrationAckSchema>;

export const errorBodySchema = z.object({ error: z.object({ code: z.string().max(64), message: z.string().max(500) }) });
export const healthSchema = z.object({ status: z.literal('ok'), time: z.string() });
