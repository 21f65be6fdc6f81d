import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store/database.ts';
import { migrations } from '../../../main/store/migrations/index.ts';
import { TransactionsRepo } from '../../../main/store/transactions-repo.ts';
import { OutboxRepo } from '../../../main/store/outbox-repo.ts';
import { SettingsRepo } from '../../../main/store/settings-repo.ts';
import { DeviceEventsRepo } from '../../../main/store/device-events-repo.ts';
import { AuditRepo } from '../../../main/store/audit-repo.ts';
import { tempDir } from '../../support/temp-dir.ts';

const dir = tempDir('migrations');
afterEach(() => dir.remove());
const TX = '7f1c1f43-5d42-4f3c-9d0a-3c1b2a6e9f10';

describe('migration 002 and the repositories', () => {
  it('upgrades a kiosk that has only 001, keeping its journal and outbox', () => {
    const old = openDatabase(dir.file('field.sqlite'), migrations.slice(0, 1));
    // Written as a kiosk on schema 001 wrote it (today's repository knows newer columns).
    old
      .prepare(`INSERT INTO transactions (id, kind, state, amount_minor, currency, items_json, locale, created_at, updated_at) VALUES (?, 'billPayment', 'created', 12750, 'KWD', '[]', 'ar', 'then', 'then')`)
      .run(TX);
    new OutboxRepo(old).enqueue({ kind: 'payment', idempotencyKey: 'k-00000001', transactionId: TX, payload: { a: 1 }, now: 'then' });
    old.close();

    const db = openDatabase(dir.file('field.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(new TransactionsRepo(db).get(TX)).toMatchObject({ amountMinor: 12_750, reference: null });
    expect(new OutboxRepo(db).head()).toMatchObject({ idempotencyKey: 'k-00000001', kind: 'payment', state: 'pending' });
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['transactions', 'outbox', 'complaints', 'tickets', 'settings', 'device_events', 'audit_log']));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('a crash inside a migration leaves the previous version intact (the hook throws like a kill would stop it)', () => {
    expect(() => openDatabase(dir.file('crash.sqlite'), migrations, { onMigration: (v) => { if (v === 2) throw new Error('power cut'); } })).toThrow(/power cut/);
    const db = openDatabase(dir.file('crash.sqlite'), migrations.slice(0, 1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'complaints'`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('settings, device events and the audit log round-trip', () => {
    const db = openDatabase(dir.file('r.sqlite'));
    const settings = new SettingsRepo(db);
    settings.set('catalogue.version', 7, 'now');
    settings.set('catalogue.version', 8, 'later');
    expect(settings.get<number>('catalogue.version')).toBe(8);
    expect(settings.get('missing')).toBeUndefined();
    const events = new DeviceEventsRepo(db);
    events.record({ at: 't1', device: 'printer', state: 'online' });
    events.record({ at: 't2', device: 'printer', state: 'userError', detail: 'paper out' });
    expect(events.recent('printer').map((e) => e.state)).toEqual(['userError', 'online']);
    const audit = new AuditRepo(db);
    audit.append({ at: 't', actor: 'kiosk', action: 'payment.flagged', detail: { transactionId: TX } });
    expect(audit.recent(5, 'payment.flagged')[0]?.detail).toEqual({ transactionId: TX });
    db.close();
  });
});

describe('device events', () => {
  it('records only state changes, compared with the last row in the table', () => {
    const db = openDatabase(dir.file('d.sqlite'));
    const events = new DeviceEventsRepo(db);
    events.recordChanges([{ name: 'printer', state: 'online' }, { name: 'terminal', state: 'online' }], 't1');
    events.recordChanges([{ name: 'printer', state: 'online' }, { name: 'terminal', state: 'offline', detail: 'linkLost' }], 't2');
    events.recordChanges([{ name: 'printer', state: 'online' }, { name: 'terminal', state: 'offline' }], 't3');
    expect(events.recent('printer')).toHaveLength(1);
    expect(events.recent('terminal').map((e) => [e.at, e.state, e.detail])).toEqual([['t2', 'offline', 'linkLost'], ['t1', 'online', null]]);
    db.close();
  });
});
