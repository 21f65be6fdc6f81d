import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../main/config.ts';
import { openDatabase, type Db } from '../../../main/store/database.ts';
import { AuditRepo } from '../../../main/store/audit-repo.ts';
import { KioskError } from '../../../main/contract/result.ts';
import { techLogHandlers, type FleetDiagnosticsLink } from '../../../main/handlers/tech-log-handlers.ts';
import { tempDir } from '../../support/temp-dir.ts';

/**
 * The technician's "send to the operations centre" handler on its own: what the screen is told
 * with no fleet configured, with the link down, and what is audited. The link is a stand-in
 * here; test/main/fleet/fleet-diagnostics.test.ts sends through a real broker.
 */
let dir: ReturnType<typeof tempDir>;
let db: Db;
let audit: AuditRepo;
let link: (FleetDiagnosticsLink & { sends: number }) | undefined;
let handlers: ReturnType<typeof techLogHandlers>;
let answer: Awaited<ReturnType<FleetDiagnosticsLink['send']>>;
const ctx = { connection: { id: 'tech-screen' } };

beforeAll(() => {
  dir = tempDir('diag-send');
  db = openDatabase(dir.file('kiosk.sqlite'));
  audit = new AuditRepo(db);
  const config = parseConfig({ demo: true, dataDir: dir.path });
  handlers = techLogHandlers({
    logFile: dir.file('kiosk.log'),
    mediaRoots: [],
    diagnostics: () => ({ db, config, logFile: dir.file('kiosk.log'), devices: [], state: {}, settings: {} }),
    fleet: () => link,
    audit,
    actor: () => 'tech-amal',
    now: () => new Date('2026-03-01T09:00:00Z'),
  });
});
afterAll(() => {
  db?.close();
  dir?.remove();
});

const refusal = async (): Promise<string> => {
  try {
    await handlers['tech.sendDiagnostics']({}, ctx);
  } catch (err) {
    expect(err).toBeInstanceOf(KioskError);
    return `${(err as KioskError).code}:${(err as KioskError).message}`;
  }
  return 'sent';
};

describe('tech.sendDiagnostics', () => {
  it('no fleet configured: the screen is told so and nothing is sent', async () => {
    link = undefined;
    expect(await handlers['tech.media']({}, ctx)).toEqual({ targets: [], fleet: 'notConfigured' });
    expect(await refusal()).toBe('unavailable:notConfigured');
  });

  it('link down: refused as offline, the link is not asked to send', async () => {
    link = { connected: false, sends: 0, send: async () => (link!.sends++, answer) };
    expect((await handlers['tech.media']({}, ctx)).fleet).toBe('offline');
    expect(await refusal()).toBe('unavailable:offline');
    expect(link.sends).toBe(0);
  });

  it('link up: sent once, audited with who, when and the sizes; a failed send is audited and refused', async () => {
    link = { connected: true, sends: 0, send: async () => (link!.sends++, answer) };
    expect((await handlers['tech.media']({}, ctx)).fleet).toBe('connected');
    answer = { ok: true, id: '0b5c4f8e-8a0e-4d5e-9f3a-2f6a1d1c9b11', bytes: 52_000, sentBytes: 9_100, droppedLogLines: 0 };
    expect(await handlers['tech.sendDiagnostics']({}, ctx)).toEqual({ id: answer.id, bytes: 52_000, sentBytes: 9_100, droppedLogLines: 0 });
    answer = { ok: false, error: 'publishFailed' };
    expect(await refusal()).toBe('unavailable:publishFailed');
    expect(link.sends).toBe(2);
    const rows = audit.recent(10, 'tech.sendDiagnostics');
    expect(rows.map((r) => [r.actor, r.at, r.detail?.outcome])).toEqual([
      ['tech-amal', '2026-03-01T09:00:00.000Z', 'publishFailed'],
      ['tech-amal', '2026-03-01T09:00:00.000Z', 'sent'],
    ]);
    expect(rows[1]!.detail).toMatchObject({ bytes: 52_000, sentBytes: 9_100 });
  });
});
