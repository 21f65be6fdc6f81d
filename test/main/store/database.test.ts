import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../main/store/database.ts';
import { migrations } from '../../../main/store/migrations/index.ts';
import { TransactionsRepo } from '../../../main/store/transactions-repo.ts';
import { tempDir } from '../../support/temp-dir.ts';

const dir = tempDir('store');
afterEach(() => dir.remove());

describe('kiosk database', () => {
  it('opens in WAL with synchronous=FULL and the schema version in user_version', () => {
    const db = openDatabase(dir.file('k.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('applies only the migrations not yet applied, each in its own transaction', () => {
    const db = openDatabase(dir.file('m.sqlite'));
    db.close();
    const again = openDatabase(dir.file('m.sqlite'), [...migrations, 'CREATE TABLE extra (x INTEGER);']);
    expect(again.pragma('user_version', { simple: true })).toBe(migrations.length + 1);
    expect(() => migrate(again, [...migrations, 'CREATE TABLE extra (x INTEGER);', 'CREATE TABLE broken (;'])).toThrow();
    // The failed migration left neither a table nor a version bump behind.
    expect(again.pragma('user_version', { simple: true })).toBe(migrations.length + 1);
    again.close();
  });

  it('refuses a database written by a newer build', () => {
    const db = openDatabase(dir.file('n.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    expect(() => openDatabase(dir.file('n.sqlite'))).toThrow(/newer than this build/);
  });

  it('journal transitions only move from the expected state', () => {
    const db = openDatabase(dir.file('t.sqlite'));
    const repo = new TransactionsRepo(db);
    const id = '7f1c1f43-5d42-4f3c-9d0a-3c1b2a6e9f10';
    repo.insert({ id, kind: 'billPayment', amountMinor: 12_750, currency: 'KWD', items: [], locale: 'ar', now: 'now' });
    repo.transition(id, 'created', 'authorizing', 'now');
    expect(() => repo.transition(id, 'created', 'authorizing', 'now')).toThrow(/expected state created/);
    expect(repo.get(id)?.state).toBe('authorizing');
    expect(() => repo.insert({ id: 'x', kind: 'billPayment', amountMinor: 0, currency: 'KWD', items: [], locale: 'ar', now: 'now' })).toThrow(/CHECK/);
    db.close();
  });
});
