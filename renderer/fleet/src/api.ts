/** The console's JSON API (same origin, session cookie). Results, not exceptions. */
import type { Health, KioskSummary } from '../../../main/shared/fleet-summary.ts';

export type { Health, KioskSummary };
export interface Operator {
  name: string;
  role: 'viewer' | 'supervisor';
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; error: string };

export async function api<T>(path: string, init?: { method?: string; body?: unknown }): Promise<ApiResult<T>> {
  try {
    const res = await fetch(path, {
      method: init?.method ?? 'GET',
      credentials: 'same-origin',
      ...(init?.body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) }),
    });
    const body = (await res.json().catch(() => ({}))) as T & { error?: string };
    return res.ok ? { ok: true, value: body } : { ok: false, status: res.status, error: body.error ?? 'error' };
  } catch {
    return { ok: false, status: 0, error: 'network' };
  }
}
