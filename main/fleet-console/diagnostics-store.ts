import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../store/database.ts';
import type { KioskAddress } from '../fleet/protocol.ts';
import { unpackDiagnostics, type UnpackRefusal } from '../fleet/diagnostics-wire.ts';

export interface StoredDiagnostics {
  id: string;
  kiosk: string;
  name: string;
  /** When the kiosk built it. */
  at: string;
  receivedAt: string;
  trigger: 'technician' | 'console';
  commandId: string | null;
  /** The bundle's JSON size, and what the stored gzip takes. */
  bytes: number;
  gzBytes: number;
  droppedLogLines: number;
}

const COLUMNS = `id, kiosk, name, at, received_at AS receivedAt, trigger, command_id AS commandId, bytes, gz_bytes AS gzBytes, dropped_log_lines AS droppedLogLines`;

/**
 * Diagnostics bundles the kiosks sent, checked again on receipt (diagnostics-wire.ts), kept as
 * the gzip they came in (<dir>/<kiosk>/<id>.json.gz, owner-only) with a row each; the newest
 * `keepPerKiosk` per kiosk are kept, older ones deleted with their files.
 */
export class DiagnosticsStore {
  constructor(
    private readonly db: Db,
    private readonly dir: string,
    private readonly opts: { keepPerKiosk?: number } = {},
  ) {}

  #file(kiosk: string, id: string): string {
    return join(this.dir, kiosk, `${id}.json.gz`);
  }

  receive(a: KioskAddress, payload: Buffer, receivedAt: Date): { ok: true; item: StoredDiagnostics; duplicate: boolean } | { ok: false; reason: UnpackRefusal } {
    const r = unpackDiagnostics(payload, a.kiosk);
    if (!r.ok) return r;
    const m = r.meta;
    const item: StoredDiagnostics = {
      id: m.id, kiosk: a.kiosk, name: m.name, at: m.at, receivedAt: receivedAt.toISOString(), trigger: m.trigger,
      commandId: m.commandId ?? null, bytes: m.bytes, gzBytes: r.gz.length, droppedLogLines: m.droppedLogLines,
    };
    // QoS 1 may deliver twice: the id is the bundle's, so a repeat is stored once.
    if (this.db.prepare('SELECT 1 FROM diagnostics WHERE id = ?').get(m.id)) return { ok: true, item, duplicate: true };
    mkdirSync(join(this.dir, a.kiosk), { recursive: true, mode: 0o700 });
    writeFileSync(this.#file(a.kiosk, m.id), r.gz, { mode: 0o600 });
    this.db
      .prepare('INSERT INTO diagnostics (id, kiosk, name, at, received_at, trigger, command_id, bytes, gz_bytes, dropped_log_lines) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(item.id, item.kiosk, item.name, item.at, item.receivedAt, item.trigger, item.commandId, item.bytes, item.gzBytes, item.droppedLogLines);
    this.#prune(a.kiosk);
    return { ok: true, item, duplicate: false };
  }

  #prune(kiosk: string): void {
    const old = this.db
      .prepare('SELECT id FROM diagnostics WHERE kiosk = ? ORDER BY received_at DESC, rowid DESC LIMIT -1 OFFSET ?')
      .all(kiosk, this.opts.keepPerKiosk ?? 20) as { id: string }[];
    for (const { id } of old) {
      rmSync(this.#file(kiosk, id), { force: true });
      this.db.prepare('DELETE FROM diagnostics WHERE id = ?').run(id);
    }
  }

  list(kiosk: string): StoredDiagnostics[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM diagnostics WHERE kiosk = ? ORDER BY received_at DESC, rowid DESC`).all(kiosk) as StoredDiagnostics[];
  }

  /** The stored gzip of one bundle of this kiosk, or undefined. */
  read(kiosk: string, id: string): { item: StoredDiagnostics; gz: Buffer } | undefined {
    const item = this.db.prepare(`SELECT ${COLUMNS} FROM diagnostics WHERE kiosk = ? AND id = ?`).get(kiosk, id) as StoredDiagnostics | undefined;
    if (!item) return undefined;
    try {
      return { item, gz: readFileSync(this.#file(kiosk, id)) };
    } catch {
      return undefined;
    }
  }
}
