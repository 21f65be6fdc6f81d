import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../../main/store/database.ts';
import { AccountError, TechnicianAccounts } from '../../../main/technician/accounts.ts';
import { PinLockout } from '../../../main/technician/lockout.ts';
import { tempDir } from '../../support/temp-dir.ts';

const dir = tempDir('tech-accounts');
afterEach(() => dir.remove());

describe('technician accounts', () => {
  it('stores only a scrypt hash, finds the technician by PIN, refuses a taken PIN or a short one', async () => {
    const db = openDatabase(dir.file('k.sqlite'));
    const accounts = new TechnicianAccounts(db);
    await accounts.add('Aisha', 'supervisor', '135790');
    await accounts.add('Omar', 'technician', '864202');
    await expect(accounts.add('Salem', 'technician', '135790')).rejects.toThrow(AccountError);
    await expect(accounts.add('Salem', 'technician', '123')).rejects.toThrow(/6 to 8 digits/);
    expect(await accounts.verify('864202')).toMatchObject({ name: 'Omar', role: 'technician' });
    expect(await accounts.verify('000000')).toBeUndefined();
    const hashes = db.prepare('SELECT pin_hash FROM technicians').all() as { pin_hash: string }[];
    expect(hashes.every((h) => h.pin_hash.startsWith('scrypt$32768$8$1$') && !h.pin_hash.includes('135790'))).toBe(true);
    db.close();
    expect(readFileSync(dir.file('k.sqlite')).includes('864202')).toBe(false);
  });
});

describe('PIN lockout', () => {
  it('locks after five wrong PINs, doubles the wait with each further one, and survives reopening the database', () => {
    const policy = { attempts: 5, baseMs: 60_000, maxMs: 3_600_000 };
    let db = openDatabase(dir.file('k.sqlite'));
    let lockout = new PinLockout(db, policy);
    const t0 = 1_000_000;
    for (let i = 0; i < 4; i++) expect(lockout.failed(t0).locked).toBe(false);
    expect(lockout.state(t0).attemptsLeft).toBe(1);
    expect(lockout.failed(t0)).toMatchObject({ locked: true, retryInMs: 60_000 });
    db.close();

    db = openDatabase(dir.file('k.sqlite'));
    lockout = new PinLockout(db, policy);
    expect(lockout.state(t0 + 30_000)).toMatchObject({ locked: true, retryInMs: 30_000 });
    expect(lockout.state(t0 + 60_000).locked).toBe(false);
    expect(lockout.failed(t0 + 60_000).retryInMs).toBe(120_000);
    expect(lockout.failed(t0 + 180_000).retryInMs).toBe(240_000);
    lockout.succeeded();
    expect(lockout.state(t0)).toMatchObject({ locked: false, attemptsLeft: 5 });
    db.close();
  });
});
