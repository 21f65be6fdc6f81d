import type { ReceiptBlock, ReceiptDocument } from '../../drivers/printer/printer.ts';
import type { Bilingual, Locale } from '../contract/api.ts';
import type { Translate } from '../i18n/translator.ts';
import { receiptStamp } from './stamp.ts';

export interface ServiceReceiptContext {
  t: Translate;
  country: Bilingual;
  kioskId: string;
  location: Bilingual;
  timeZone: string;
}


function frame(ctx: ServiceReceiptContext, l: Locale, title: string, body: ReceiptBlock[], at: Date): ReceiptDocument {
  return {
    direction: l === 'ar' ? 'rtl' : 'ltr',
    blocks: [
      { kind: 'text', text: ctx.country[l], align: 'center', bold: true },
      { kind: 'text', text: title, align: 'center', size: 'large', bold: true },
      { kind: 'rule' },
      ...body,
      { kind: 'rule' },
      { kind: 'pair', label: ctx.t(l, 'receipt.kiosk'), value: ctx.kioskId },
      { kind: 'text', text: ctx.location[l], align: 'start' },
      { kind: 'pair', label: ctx.t(l, 'receipt.date'), value: receiptStamp(at, l, ctx.timeZone) },
      { kind: 'feed', lines: 2 },
    ],
    cut: true,
  };
}

/** The visitor's proof of a complaint: its tracking number and when the answer is due. */
export function complaintReceipt(
  ctx: ServiceReceiptContext,
  l: Locale,
  c: { trackingNumber: string; entity: Bilingual; type: Bilingual; dueDate: string; queued: boolean },
  at: Date,
): ReceiptDocument {
  const t = (k: string) => ctx.t(l, `receipt.${k}`);
  return frame(
    ctx,
    l,
    t('complaintTitle'),
    [
      { kind: 'pair', label: t('entity'), value: c.entity[l] },
      { kind: 'text', text: c.type[l], align: 'start' },
      { kind: 'pair', label: t('tracking'), value: c.trackingNumber },
      { kind: 'text', text: c.trackingNumber, align: 'center', size: 'huge', bold: true },
      { kind: 'pair', label: t('dueDate'), value: c.dueDate },
      ...(c.queued ? [{ kind: 'text', text: ctx.t(l, 'complaint.queued'), align: 'start' } satisfies ReceiptBlock] : []),
    ],
    at,
  );
}

/** A queue ticket: the number, large, then where to wait. */
export function ticketReceipt(
  ctx: ServiceReceiptContext,
  l: Locale,
  tk: { number: string; counterGroup: string; service: Bilingual; estimatedWaitMinutes?: number; offline: boolean },
  at: Date,
): ReceiptDocument {
  const t = (k: string) => ctx.t(l, `receipt.${k}`);
  return frame(
    ctx,
    l,
    t('ticketTitle'),
    [
      { kind: 'text', text: tk.number, align: 'center', size: 'huge', bold: true },
      { kind: 'text', text: tk.service[l], align: 'center' },
      { kind: 'pair', label: t('counter'), value: tk.counterGroup },
      ...(tk.estimatedWaitMinutes !== undefined ? [{ kind: 'pair', label: t('waitMinutes'), value: String(tk.estimatedWaitMinutes) } satisfies ReceiptBlock] : []),
      ...(tk.offline ? [{ kind: 'text', text: t('offlineNumbering'), align: 'center' } satisfies ReceiptBlock] : []),
    ],
    at,
  );
}
