import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TFunction } from 'i18next';
import type { KioskBridge, Method, MethodResults, Params } from '../../main/contract/api.ts';
import type { Action, AppState, Screen } from './state.ts';
import type { Formatters } from './format.ts';

export interface Ctx {
  bridge: KioskBridge;
  t: TFunction;
  state: AppState;
  dispatch: (a: Action) => void;
  /** Money, dates and numbers in the visitor's language and the profile's digits. */
  fmt: Formatters;
  go: (screen: Screen) => void;
  /** Ends the visitor session in the core and returns to the attract screen. */
  startOver: () => void;
  /**
   * Calls the core with the screen's busy state on, and turns an error result into the
   * visitor-facing error key; returns the value or undefined.
   */
  run: <M extends Method>(method: M, params: Params<M>) => Promise<MethodResults[M] | undefined>;
}

export const AppContext = createContext<Ctx | null>(null);

export function useApp(): Ctx {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside <App>');
  return ctx;
}

/** errors.* key for an error result from the core. */
export function errorKey(code: string, message: string): string {
  if (code === 'invalidIdentity') return `identity.${message}`;
  if (['offline', 'notFound', 'invalidRequest', 'noIdentity', 'deviceUnavailable', 'conflict', 'tooManyAttempts'].includes(code)) return code;
  return 'generic';
}
