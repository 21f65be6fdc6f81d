import type { Handlers } from '../bridge/dispatcher.ts';
import type { FleetLinkState } from '../contract/api.ts';
import { KioskError } from '../contract/result.ts';
import type { AuditRepo } from '../store/audit-repo.ts';
import { readLogs } from '../log/log-reader.ts';
import { mediaTargets, writeDiagnostics, type DiagnosticsInput } from '../technician/diagnostics.ts';

/** The fleet link as the technician's screen needs it (main/fleet/start-fleet.ts provides it). */
export interface FleetDiagnosticsLink {
  readonly connected: boolean;
  send(): Promise<{ ok: true; id: string; bytes: number; sentBytes: number; droppedLogLines: number } | { ok: false; error: string }>;
}

export interface LogHandlerDeps {
  logFile: string;
  mediaRoots: readonly string[];
  diagnostics: () => Omit<DiagnosticsInput, 'now'>;
  /** Undefined when the kiosk has no fleet broker configured. */
  fleet: () => FleetDiagnosticsLink | undefined;
  audit: AuditRepo;
  actor: () => string;
  now: () => Date;
}

export const fleetLinkState = (link: FleetDiagnosticsLink | undefined): FleetLinkState => (!link ? 'notConfigured' : link.connected ? 'connected' : 'offline');

/** The log viewer and the diagnostics bundle (to removable media, or to the operations centre). */
export function techLogHandlers(d: LogHandlerDeps): Pick<Handlers, 'tech.logs' | 'tech.media' | 'tech.diagnostics' | 'tech.sendDiagnostics'> {
  return {
    'tech.logs': ({ level, search, limit }) => readLogs(d.logFile, { level, limit, ...(search !== undefined && { search }) }),
    'tech.media': () => ({ targets: mediaTargets(d.mediaRoots), fleet: fleetLinkState(d.fleet()) }),
    'tech.diagnostics': ({ target }) => {
      if (!mediaTargets(d.mediaRoots).includes(target)) throw new KioskError('notFound', 'not a removable medium this kiosk offers');
      const now = d.now();
      const r = writeDiagnostics(target, { ...d.diagnostics(), now });
      d.audit.append({ at: now.toISOString(), actor: d.actor(), action: 'tech.diagnostics', detail: { files: r.files.length, bytes: r.bytes } });
      return r;
    },
    'tech.sendDiagnostics': async () => {
      const link = d.fleet();
      const state = fleetLinkState(link);
      if (!link || state !== 'connected') throw new KioskError('unavailable', state);
      const actor = d.actor();
      const at = d.now().toISOString();
      const r = await link.send();
      d.audit.append({ at, actor, action: 'tech.sendDiagnostics', detail: r.ok ? { outcome: 'sent', id: r.id, bytes: r.bytes, sentBytes: r.sentBytes, droppedLogLines: r.droppedLogLines } : { outcome: r.error } });
      if (!r.ok) throw new KioskError('unavailable', r.error === 'offline' ? 'offline' : r.error);
      return { id: r.id, bytes: r.bytes, sentBytes: r.sentBytes, droppedLogLines: r.droppedLogLines };
    },
  };
}
