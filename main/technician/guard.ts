import type { DispatchGuard } from '../bridge/dispatcher.ts';
import type { Method } from '../contract/api.ts';
import type { KioskErrorShape } from '../contract/result.ts';
import { METHOD_SERVICES } from '../availability/requirements.ts';
import type { AppStateModel } from '../availability/app-state.ts';
import type { TechnicianSessions } from './tech-sessions.ts';

/** The only technician methods a connection without a technician session may call. */
const ENTRY_METHODS = new Set<Method>(['tech.entry', 'tech.login']);
/** Visitor methods that start or move a journey: refused while a technician is in. */
const JOURNEY_METHODS = new Set<Method>(['session.start', 'payment.start', 'receipt.reprint', 'ticket.issue', 'bill.lookup', 'inquiry.run', 'donation.prepare', 'complaint.submit']);

/**
 * The technician session guard (XFS4IoT vendor mode: while active only an allowed list runs).
 * `tech.*` needs the calling connection to hold the session; while it is held, visitor
 * journeys cannot start; a visitor method whose service is unavailable is refused too.
 */
export function technicianGuard(sessions: TechnicianSessions, appState: AppStateModel): DispatchGuard {
  return {
    check(method, conn): KioskErrorShape | undefined {
      if (method.startsWith('tech.')) {
        if (ENTRY_METHODS.has(method)) return conn === undefined ? { code: 'unauthorized', message: 'technician entry needs a connection' } : undefined;
        if (!sessions.holds(conn)) return { code: 'unauthorized', message: 'technician session required' };
        sessions.touch();
        return undefined;
      }
      if (sessions.active && JOURNEY_METHODS.has(method)) return { code: 'unavailable', message: 'maintenance' };
      if (method === 'session.start' && appState.current.state === 'unavailable') return { code: 'unavailable', message: appState.current.reason ?? 'internal' };
      const needs = METHOD_SERVICES[method];
      if (needs && !appState.current.services.some((s) => needs.includes(s.id) && s.available)) {
        const s = appState.current.services.find((x) => needs.includes(x.id));
        const device = s?.reason === 'hardware' || s?.reason === 'consumables';
        return { code: device ? 'deviceUnavailable' : 'unavailable', message: s?.reason ?? 'internal' };
      }
      return undefined;
    },
    after(method) {
      if (method === 'session.start' || method === 'session.end' || method === 'tech.login' || method === 'tech.logout') appState.refresh();
    },
    release(conn) {
      sessions.release(conn);
    },
  };
}
