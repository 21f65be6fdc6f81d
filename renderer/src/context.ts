import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TFunction } from 'i18next';
import type { KioskBridge } from '../../main/contract/api.ts';
import type { Action, AppState } from './state.ts';

export interface Ctx {
  bridge: KioskBridge;
  t: TFunction;
  state: AppState;
  dispatch: (a: Action) => void;
  /** Ends the visitor session in the core and returns to the attract screen. */
  startOver: () => void;
}

export const AppContext = createContext<Ctx | null>(null);

export function useApp(): Ctx {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside <App>');
  return ctx;
}
