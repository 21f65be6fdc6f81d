import { createKiosk, type ComposeOptions } from '../compose.ts';
import type { KioskConfig } from '../config.ts';
import { AuditRepo } from '../store/audit-repo.ts';
import type { ShellCore } from './core-supervisor.ts';

/** The real core as the shell sees it: dispatcher, events, the audit log, close. */
export async function openShellCore(config: KioskConfig, opts: ComposeOptions = {}): Promise<ShellCore> {
  const kiosk = await createKiosk(config, opts);
  const audit = new AuditRepo(kiosk.db);
  return {
    dispatcher: kiosk.dispatcher,
    events: kiosk.events,
    audit: (action, detail) => audit.append({ at: new Date().toISOString(), actor: 'shell', action, detail }),
    close: () => kiosk.close(),
  };
}
