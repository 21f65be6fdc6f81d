import type { Money, DeviceSummary, IdentityView, InquiryKind, InquiryResult, Payable, PaymentProgressCode, PaymentView, BillService } from '../../main/contract/api.ts';
import type { Locale } from './i18n.ts';
import { defaultModes, type A11yModes } from './a11y/modes.ts';

/** Every screen of the kiosk, with what it needs to render. Navigation is a stack. */
export type Screen =
  | { name: 'attract' }
  | { name: 'home' }
  | { name: 'payMenu' }
  | { name: 'account'; service: BillService }
  | { name: 'donation' }
  | { name: 'paySummary'; payables: Payable[]; /** The bill's period and due date, when one bill is paid. */ bill?: { period: string; dueDate: string } }
  | { name: 'paying'; transactionId: string; progress: PaymentProgressCode | 'printing' | 'connecting'; amount?: Money }
  | { name: 'result'; payment: PaymentView }
  | { name: 'inquiryMenu' }
  | { name: 'identify'; next: InquiryKind }
  | { name: 'inquiry'; result: InquiryResult }
  | { name: 'complaint' }
  | { name: 'complaintStatus' }
  | { name: 'ticket' }
  | { name: 'catalogue' }
  | { name: 'serviceList'; entityId?: string; categoryId?: string }
  | { name: 'service'; serviceId: string }
  | { name: 'search' }
  | { name: 'awareness' }
  | { name: 'reprint' };

export interface AppState {
  locale: Locale;
  stack: Screen[];
  online: boolean;
  devices: DeviceSummary[];
  identity: IdentityView;
  busy: boolean;
  /** An error key under errors.* shown on the current screen. */
  error: string | undefined;
  /** The visitor's accessibility modes; they end with the session. */
  a11y: A11yModes;
  /** A panel over the current screen: help for it, or the accessibility menu. */
  overlay: Overlay | undefined;
}

export type Overlay = 'help' | 'a11y';

export type Action =
  | { type: 'locale'; locale: Locale }
  | { type: 'go'; screen: Screen }
  | { type: 'replace'; screen: Screen }
  | { type: 'back' }
  | { type: 'home' }
  | { type: 'busy'; busy: boolean }
  | { type: 'error'; error: string | undefined }
  | { type: 'online'; online: boolean }
  | { type: 'devices'; devices: DeviceSummary[] }
  | { type: 'identity'; identity: IdentityView }
  | { type: 'progress'; transactionId: string; progress: Extract<Screen, { name: 'paying' }>['progress'] }
  | { type: 'payment'; payment: PaymentView }
  | { type: 'a11y'; modes: Partial<A11yModes> }
  | { type: 'overlay'; overlay: Overlay | undefined }
  | { type: 'reset' };

export const initialState: AppState = {
  locale: 'ar',
  stack: [{ name: 'attract' }],
  online: true,
  devices: [],
  identity: { present: false },
  busy: false,
  error: undefined,
  a11y: defaultModes,
  overlay: undefined,
};

export const current = (s: AppState): Screen => s.stack[s.stack.length - 1] ?? { name: 'attract' };
const FINAL = new Set(['approved', 'declined', 'aborted', 'flagged']);

function swapTop(s: AppState, screen: Screen): AppState {
  return { ...s, stack: [...s.stack.slice(0, -1), screen] };
}

export function reducer(s: AppState, a: Action): AppState {
  const top = current(s);
  switch (a.type) {
    case 'locale':
      return { ...s, locale: a.locale };
    case 'go':
      return { ...s, stack: [...s.stack, a.screen], busy: false, error: undefined, overlay: undefined };
    case 'replace':
      return { ...swapTop(s, a.screen), busy: false, error: undefined };
    case 'back':
      // Down to the home screen, never below it (the attract screen is reached by "start over").
      return s.stack.length > 1 && current(s).name !== 'paying' ? { ...s, stack: s.stack.slice(0, -1), busy: false, error: undefined, overlay: undefined } : s;
    case 'home':
      return { ...s, stack: [{ name: 'home' }], busy: false, error: undefined, overlay: undefined };
    case 'busy':
      // A new attempt clears the last error: the visitor sees the answer to what they just did.
      return { ...s, busy: a.busy, error: a.busy ? undefined : s.error };
    case 'error':
      return { ...s, error: a.error, busy: false };
    case 'online':
      return { ...s, online: a.online };
    case 'devices':
      return { ...s, devices: a.devices };
    case 'identity':
      return { ...s, identity: a.identity };
    case 'progress':
      return top.name === 'paying' && top.transactionId === a.transactionId ? swapTop(s, { ...top, progress: a.progress }) : s;
    case 'payment': {
      const mine = (top.name === 'paying' || top.name === 'result') && (top.name === 'paying' ? top.transactionId : top.payment.transactionId) === a.payment.transactionId;
      if (!mine) return s;
      if (top.name === 'result') return swapTop(s, { name: 'result', payment: a.payment });
      // Stay on the progress screen while the receipt prints, so the visitor waits for it.
      if (!FINAL.has(a.payment.state) || (a.payment.state === 'approved' && a.payment.receiptState === 'none')) {
        return a.payment.state === 'approved' ? swapTop(s, { ...top, progress: 'printing' }) : s;
      }
      return swapTop(s, { name: 'result', payment: a.payment });
    }
    case 'a11y':
      return { ...s, a11y: { ...s.a11y, ...a.modes } };
    case 'overlay':
      return { ...s, overlay: a.overlay };
    case 'reset':
      // Everything of the visitor goes, modes included; only what describes the kiosk stays.
      return { ...initialState, online: s.online, devices: s.devices };
  }
}
