import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { CODES, STRINGS, type Key, type Lang } from './strings.ts';
import type { Operator } from './api.ts';

export interface Ui {
  lang: Lang;
  t: (k: Key) => string;
  code: (c: string) => string;
  op: Operator;
}
export const UiContext = createContext<Ui>({ lang: 'ar', t: (k) => STRINGS.ar[k], code: (c) => CODES.ar[c] ?? c, op: { name: '', role: 'viewer' } });
export const useUi = () => useContext(UiContext);
