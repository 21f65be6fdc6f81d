import type { Bill, PaymentProgressCode, PaymentView } from '../../main/contract/api.ts';
import type { Locale } from './i18n.ts';

/** The visitor's journey as a small state machine; every screen is one state. */
export type Screen =
  | { name: 'attract' }
  | { name: 'home' }
  | { name: 'account' }
  | { name: 'bill'; bill: Bill }
  | { name: 'paying'; transactionId: string; progress: PaymentProgressCode | 'printing' | 'connecting' }
  | { name: 'result'; payment: PaymentView };

export interface AppState {
  locale: Locale;
  screen: Screen;
  online: boolean;
  busy: boolean;
  /** An error key shown on the current screen (from errors.*). */
  error: string | undefined;
}

export type Action =
  | { type: 'locale'; locale: Locale }
  | { type: 'go'; screen: Screen }
  | { type: 'busy'; busy: boolean }
  | { type: 'error'; error: string | undefined }
  | { type: 'online'; online: boolean }
  | { type: 'progress'; transactionId: string; progress: Extract<Screen, { name: 'paying' }>['progress'] }
  | { type: 'payment'; payment: PaymentView }
  | { type: 'reset' };

export const initialState: AppState = { locale: 'ar', screen: { name: 'attract' }, online: true, busy: false, error: undefined };

const FINAL = new Set(['approved', 'declined', 'aborted', 'flagged']);

export function reducer(s: AppState, a: Action): AppState {
  switch (a.type) {
    case 'locale':
      return { ...s, locale: a.locale };
    case 'go':
      return { ...s, screen: a.screen, busy: false, error: undefined };
    case 'busy':
      return { ...s, busy: a.busy };
    case 'error':
      return { ...s, error: a.error, busy: false };
    case 'online':
      return { ...s, online: a.online };
    case 'progress':
      return s.screen.name === 'paying' && s.screen.transactionId === a.transactionId ? { ...s, screen: { ...s.screen, progress: a.progress } } : s;
    case 'payment': {
      const scr = s.screen;
      const mine = (scr.name === 'paying' && scr.transactionId === a.payment.transactionId) || (scr.name === 'result' && scr.payment.transactionId === a.payment.transactionId);
      if (!mine) return s;
      // Stay on the progress screen while the receipt prints, so the visitor waits for it.
      if (!FINAL.has(a.payment.state) || (a.payment.state === 'approved' && a.payment.receiptState === 'none' && scr.name === 'paying')) {
        return scr.name === 'paying' ? { ...s, screen: { ...scr, progress: a.payment.state === 'approved' ? 'printing' : scr.progress } } : s;
      }
      return { ...s, screen: { name: 'result', payment: a.payment } };
    }
    case 'reset':
      return { ...initialState, online: s.online };
  }
}
