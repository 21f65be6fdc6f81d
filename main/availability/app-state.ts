import type { ServiceAvailability, UnavailableReason } from './requirements.ts';

/**
 * The kiosk application state (CUSS 2 / reference): available, unavailable (with a reason),
 * active (a visitor in session) or maintenance (a technician in). One model, read by the
 * screens, the technician and the fleet status.
 */
export type AppStateName = 'available' | 'unavailable' | 'active' | 'maintenance';

export interface AppStateView {
  state: AppStateName;
  reason?: UnavailableReason;
  /** When the state last changed (ISO). */
  since: string;
  services: ServiceAvailability[];
}

export interface AppStateInputs {
  technicianIn: () => boolean;
  visitorIn: () => boolean;
  services: () => ServiceAvailability[];
  now: () => Date;
}

/** Maintenance wins, then a visitor's session, then whether anything at all can be served. */
export function deriveState(technicianIn: boolean, visitorIn: boolean, services: readonly ServiceAvailability[]): Pick<AppStateView, 'state' | 'reason'> {
  if (technicianIn) return { state: 'maintenance' };
  if (visitorIn) return { state: 'active' };
  if (services.some((s) => s.available)) return { state: 'available' };
  const reasons = services.map((s) => s.reason).filter((r): r is UnavailableReason => r !== undefined);
  // One reason for the whole kiosk: opening hours first, then the most common one.
  if (reasons.includes('hours')) return { state: 'unavailable', reason: 'hours' };
  const counts = new Map<UnavailableReason, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const reason = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'internal';
  return { state: 'unavailable', reason };
}

export class AppStateModel {
  readonly #listeners = new Set<(v: AppStateView) => void>();
  #view: AppStateView;

  constructor(private readonly inputs: AppStateInputs) {
    this.#view = this.#compute(inputs.now().toISOString());
  }

  #compute(since: string): AppStateView {
    const services = this.inputs.services();
    return { ...deriveState(this.inputs.technicianIn(), this.inputs.visitorIn(), services), since, services };
  }

  get current(): AppStateView {
    return this.#view;
  }

  /** Recomputes after anything that feeds it changed; tells listeners when something differs. */
  refresh(): AppStateView {
    const prev = this.#view;
    const next = this.#compute(prev.since);
    const stateChanged = next.state !== prev.state || next.reason !== prev.reason;
    if (stateChanged) next.since = this.inputs.now().toISOString();
    if (stateChanged || JSON.stringify(next.services) !== JSON.stringify(prev.services)) {
      this.#view = next;
      for (const fn of [...this.#listeners]) fn(next);
    }
    return this.#view;
  }

  onChange(fn: (v: AppStateView) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }
}
