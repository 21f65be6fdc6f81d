/** Shared by the fleet console (server) and its page: types only. */
export type Health = 'red' | 'amber' | 'green';

/** One line of the fleet page (short keys: 5,000 of them travel on every full load). */
export interface KioskSummary {
  k: string;
  co: string;
  ce: string;
  on: boolean;
  h: Health;
  app: string;
  why: string | null;
  seen: string | null;
  paper: string | null;
  ob: number | null;
  fl: number | null;
  al: string[];
}
