import { z } from 'zod';

/**
 * The government gateway's HTTP API as zod schemas: the kiosk's client validates every
 * response with them, and the demo gateway builds its responses from the same types.
 */
export const currency = z.enum(['KWD', 'BHD', 'QAR']);
const money = z.object({ amountMinor: z.number().int().nonnegative().max(1e12), currency });
const bilingual = z.object({ ar: z.string().min(1).max(200), en: z.string().min(1).max(200) });

export const billSchema = z.object({
  billId: z.string().min(1).max(64),
  service: z.literal('electricityWater'),
  account: z.string().regex(/^\d{4,14}$/),
  entity: bilingual,
  period: z.string().regex(/^\d{4}-\d{2}$/),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  amount: money,
});
export type WireBill = z.infer<typeof billSchema>;

export const postingSchema = z.object({
  transactionId: z.string().uuid(),
  kioskId: z.string().min(1).max(64),
  paidAt: z.string().datetime({ offset: true }),
  amount: money,
  items: z.array(z.object({ billId: z.string().min(1).max(64), amountMinor: z.number().int().positive() })).min(1),
  terminal: z.object({
    terminalId: z.string().max(16),
    traceNumber: z.number().int().nonnegative(),
    receiptNumber: z.number().int().nonnegative(),
    authCode: z.string().max(16),
  }),
});
export type WirePosting = z.infer<typeof postingSchema>;

export const postingAckSchema = z.object({
  postingId: z.string().min(1).max(64),
  duplicate: z.boolean(),
});
export type WirePostingAck = z.infer<typeof postingAckSchema>;

export const errorBodySchema = z.object({ error: z.object({ code: z.string().max(64), message: z.string().max(500) }) });

export const healthSchema = z.object({ status: z.literal('ok'), time: z.string() });
