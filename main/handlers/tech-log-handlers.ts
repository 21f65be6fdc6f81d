import type { Handlers } from '../bridge/dispatcher.ts';
import { KioskError } from '../contract/result.ts';
import type { AuditRepo } from '../store/audit-repo.ts';
import { readLogs } from '../log/log-reader.ts';
import { mediaTargets, writeDiagnostics, type DiagnosticsInput } from '../technician/diagnostics.ts';

export interface LogHandlerDeps {
  logFile: string;
  mediaRoots: readonly string[];
  diagnostics: () => Omit<DiagnosticsInput, 'now'>;
  audit: AuditRepo;
  actor: () => string;
  now: () => Date;
}

/** The log viewer and the diagnostics bundle. */
export function techLogHandlers(d: LogHandlerDeps): Pick<Handlers, 'tech.logs' | 'tech.media' | 'tech.diagnostics'> {
  return {
    'tech.logs': ({ level, search, limit }) => readLogs(d.logFile, { level, limit, ...(search !== undefined && { search }) }),
    'tech.media': () => ({ targets: mediaTargets(d.mediaRoots) }),
    'tech.diagnostics': ({ target }) => {
      if (!mediaTargets(d.mediaRoots).includes(target)) throw new KioskError('notFound', 'not a removable medium this kiosk offers');
      const now = d.now();
      const r = writeDiagnostics(target, { ...d.diagnostics(), now });
      d.audit.append({ at: now.toISOString(), actor: d.actor(), action: 'tech.diagnostics', detail: { files: r.files.length, bytes: r.bytes } });
      return r;
    },
  };
}
