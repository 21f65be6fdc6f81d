import type { PaymentProgressCode } from '../terminal.ts';

/** Control fields (class << 8 | instruction) from the ZVT command list. */
export const CMD = {
  registration: 0x0600,
  authorization: 0x0601,
  logOff: 0x0602,
  completion: 0x060f,
  abortFromPt: 0x061e,
  repeatReceipt: 0x0620,
  reversal: 0x0630,
  endOfDay: 0x0650,
  diagnosis: 0x0670,
  abortFromEcr: 0x06b0,
  printLine: 0x06d1,
  printTextBlock: 0x06d3,
  statusEnquiry: 0x0501,
  statusInformation: 0x040f,
  intermediateStatus: 0x04ff,
  ack: 0x8000,
  /** 84 xx 00: negative acknowledgement; xx is the error code. */
  nackClass: 0x84,
} as const;

/** Registration config byte bits (ZVT 06 00). */
export const REG_CONFIG = {
  ecrPrintsPaymentReceipts: 0x02,
  ecrPrintsAdminReceipts: 0x04,
  intermediateStatus: 0x08,
  ecrControlsPayment: 0x10,
  ecrControlsAdmin: 0x20,
  ecrPrintType: 0x80,
} as const;

/** Kiosk default: intermediate status on, ECR prints every receipt, amount only from the ECR. */
export const DEFAULT_REG_CONFIG =
  REG_CONFIG.ecrPrintsPaymentReceipts |
  REG_CONFIG.ecrPrintsAdminReceipts |
  REG_CONFIG.intermediateStatus |
  REG_CONFIG.ecrControlsPayment |
  REG_CONFIG.ecrControlsAdmin;

export const RESULT = {
  success: 0x00,
  /** Abort via timeout or abort key (visitor cancel, or the ECR's 06 B0). */
  aborted: 0x6c,
  /** Function deactivated: the PT is not registered (it restarted while the link stayed open). */
  notRegistered: 0x6b,
  wrongCurrency: 0x6f,
  functionNotPossible: 0x83,
  alreadyReversed: 0xb4,
  reversalNotPossible: 0xb5,
  systemError: 0xff,
} as const;

const RESULT_TEXT: ReadonlyMap<number, string> = new Map([
  [0x00, 'no error'],
  [0x64, 'card not readable'],
  [0x65, 'card data not present'],
  [0x66, 'processing error'],
  [0x6a, 'turnover file full'],
  [0x6b, 'function deactivated (PT not registered)'],
  [0x6c, 'abort via timeout or abort key'],
  [0x6f, 'wrong currency'],
  [0x71, 'credit not sufficient'],
  [0x72, 'chip error'],
  [0x77, 'end-of-day batch not possible'],
  [0x78, 'card expired'],
  [0x7a, 'card unknown'],
  [0x7d, 'communication error'],
  [0x83, 'function not possible'],
  [0x9a, 'ZVT protocol error'],
  [0xa0, 'receiver not ready'],
  [0xa1, 'remote station does not respond'],
  [0xa3, 'no connection'],
  [0xb4, 'already reversed'],
  [0xb5, 'reversal not possible'],
  [0xc3, 'maximum amount exceeded'],
  [0xc5, 'payment method not supported'],
  [0xc6, 'currency not applicable'],
  [0xcc, 'printer not ready'],
  [0xff, 'system error'],
]);

/** Human-readable reason for a ZVT result code; 0x01-0x63 come from the authorisation host. */
export function resultText(code: number): string {
  const known = RESULT_TEXT.get(code);
  if (known) return known;
  if (code >= 0x01 && code <= 0x63) return `declined by authorisation host (${code})`;
  return `result code 0x${code.toString(16).padStart(2, '0')}`;
}

/** Intermediate status codes (04 FF) the simulator uses, named. */
export const ISTATUS = {
  waitingAmountConfirmation: 0x00,
  watchPinPad: 0x01,
  notAccepted: 0x03,
  waitingForHost: 0x04,
  insertCard: 0x0a,
  removeCard: 0x0b,
  pleaseWait: 0x0e,
  approvedTakeGoods: 0x1c,
  declined: 0x1d,
} as const;

/**
 * 04 FF status → visitor-facing progress (a data profile; terminal families with their own codes
 * pass overrides in the driver config). Codes 0x41-0x5D are the base codes plus "remove card".
 */
function buildProgressTable(): ReadonlyMap<number, PaymentProgressCode> {
  const base = new Map<number, PaymentProgressCode>([
    [0x00, 'pleaseWait'], [0x01, 'enterPin'], [0x02, 'enterPin'], [0x03, 'declined'],
    [0x04, 'processing'], [0x05, 'processing'], [0x06, 'processing'], [0x07, 'declined'],
    [0x08, 'declined'], [0x09, 'declined'], [0x0a, 'insertCard'], [0x0b, 'removeCard'],
    [0x0c, 'declined'], [0x0d, 'declined'], [0x0e, 'pleaseWait'], [0x0f, 'processing'],
    [0x10, 'declined'], [0x11, 'other'], [0x12, 'declined'], [0x13, 'declined'],
    [0x14, 'declined'], [0x15, 'declined'], [0x16, 'declined'], [0x17, 'pleaseWait'],
    [0x18, 'declined'], [0x19, 'declined'], [0x1a, 'other'], [0x1b, 'approvedRemoveCard'],
    [0x1c, 'approvedRemoveCard'], [0x1d, 'declined'], [0x28, 'pleaseWait'], [0x29, 'pleaseWait'],
    [0x2a, 'insertCard'], [0x2b, 'pleaseWait'], [0x2c, 'pleaseWait'],
    [0xd2, 'processing'], [0xd3, 'processing'], [0xe0, 'pleaseWait'], [0xe1, 'pleaseWait'],
    [0xf2, 'processing'], [0xf3, 'processing'],
  ]);
  const table = new Map(base);
  for (let code = 0x41; code <= 0x5d; code++) {
    const b = base.get(code - 0x40);
    table.set(code, b === 'declined' || b === 'approvedRemoveCard' || b === 'enterPin' ? b : 'removeCard');
  }
  table.set(0x68, 'processing'); // card insertion detected
  return table;
}

export const GENERIC_PROGRESS_PROFILE: ReadonlyMap<number, PaymentProgressCode> = buildProgressTable();

export function progressFor(
  status: number,
  overrides?: ReadonlyMap<number, PaymentProgressCode>,
): PaymentProgressCode {
  return overrides?.get(status) ?? GENERIC_PROGRESS_PROFILE.get(status) ?? 'other';
}

/** ZVT card type numbers (BMP 8A) → display names, for the ones a Gulf kiosk meets. */
export const CARD_TYPE_NAMES: ReadonlyMap<number, string> = new Map([
  [5, 'girocard'], [6, 'Mastercard'], [8, 'American Express'], [10, 'Visa'], [11, 'Visa Electron'],
  [12, 'Diners'], [13, 'V PAY'], [14, 'JCB'], [46, 'Maestro'], [198, 'UnionPay'], [232, 'Discover'],
]);
