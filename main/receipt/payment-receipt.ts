import type { ReceiptBlock, ReceiptDocument } from '../../drivers/printer/printer.ts';
import type { TransactionRow } from '../store/transactions-repo.ts';
import type { CountryProfile } from '../profiles/profiles.ts';
import type { Translate } from '../i18n/translator.ts';
import { formatMoney } from '../shared/money.ts';
import { receiptStamp } from './stamp.ts';

export interface ReceiptContext {
  t: Translate;
  profile: CountryProfile;
  kioskId: string;
  location: { ar: string; en: string };
  timeZone: string;
  /** Base of the verification link printed as a QR code. */
  verifyUrl: string;
  postingPending: boolean;
}

/**
 * The terminal's own cardholder receipt, as it formatted it: card schemes require it on the
 * receipt when the kiosk is the ECR that prints. Kept at the left margin, as the terminal laid it out.
 */
function cardholderCopy(lines: readonly string[] | undefined, l: 'ar' | 'en', ctx: ReceiptContext): ReceiptBlock[] {
  if (!lines?.length) return [];
  const left = l === 'ar' ? 'end' : 'start';
  return [
    { kind: 'rule' },
    { kind: 'text', text: ctx.t(l, 'ledger.cardholderCopy'), align: 'center', bold: true },
    ...lines.filter((line) => line.trim() !== '').map((text): ReceiptBlock => ({ kind: 'text', text, align: left })),
    { kind: 'rule' },
  ];
}

/**
 * The payment receipt as structured blocks, in the visitor's language. Digits stay Latin
 * on paper so that auditors and card schemes read references the same way.
 */
export function buildPaymentReceipt(tx: TransactionRow, ctx: ReceiptContext): ReceiptDocument {
  const l = tx.locale;
  const t = (key: string) => ctx.t(l, `receipt.${key}`);
  // When the payment was made, not when its row last changed (a reprint days later keeps the date).
  const when = receiptStamp(new Date(tx.createdAt), l, ctx.timeZone);
  const term = tx.terminal;
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: ctx.profile.name[l], align: 'center', bold: true },
    { kind: 'text', text: t('title'), align: 'center', size: 'large', bold: true },
    { kind: 'rule' },
    ...tx.items.flatMap((i): ReceiptBlock[] => [
      { kind: 'text', text: i.entity[l], align: 'start', bold: true },
      { kind: 'pair', label: t('service'), value: i.label[l] },
      ...(i.detail ? [{ kind: 'pair', label: t(i.kind === 'fine' ? 'fine' : 'account'), value: i.detail } satisfies ReceiptBlock] : []),
      { kind: 'pair', label: t('amount'), value: formatMoney(i.amountMinor, tx.currency, 'en') },
    ]),
    { kind: 'rule' },
    // A pair, not a mixed line: the total then goes to paper as text, in Latin digits, in both languages.
    { kind: 'pair', label: t('total'), value: formatMoney(tx.amountMinor, tx.currency, 'en') },
    { kind: 'pair', label: t('status'), value: ctx.postingPending ? t('paidPending') : t('paid') },
    { kind: 'rule' },
    ...(term
      ? ([
          { kind: 'pair', label: t('card'), value: term.maskedPan },
          { kind: 'pair', label: t('terminal'), value: term.terminalId },
          { kind: 'pair', label: t('authCode'), value: term.authCode },
          { kind: 'pair', label: t('receiptNo'), value: String(term.receiptNumber) },
          { kind: 'pair', label: t('trace'), value: String(term.traceNumber) },
        ] satisfies ReceiptBlock[])
      : []),
    ...cardholderCopy(term?.printLines, l, ctx),
    ...(tx.reference ? [{ kind: 'pair', label: t('reference'), value: tx.reference } satisfies ReceiptBlock] : []),
    { kind: 'pair', label: t('kiosk'), value: `${ctx.kioskId}` },
    { kind: 'text', text: ctx.location[l], align: 'start' },
    { kind: 'pair', label: t('date'), value: when },
    { kind: 'text', text: `${t('transaction')}:`, align: 'start' },
    { kind: 'text', text: tx.id, align: 'center' },
    { kind: 'qr', data: `${ctx.verifyUrl}${tx.id}` },
    { kind: 'text', text: t('verify'), align: 'center' },
    { kind: 'text', text: t('footer'), align: 'center' },
    { kind: 'feed', lines: 2 },
  ];
  return { direction: l === 'ar' ? 'rtl' : 'ltr', blocks, cut: true };
}
