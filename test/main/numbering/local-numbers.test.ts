import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/store/database.ts';
import { SettingsRepo } from '../../../main/store/settings-repo.ts';
import { nextOfflineTicket, nextPaymentReference, nextTrackingNumber } from '../../../main/numbering/local-numbers.ts';
import { tempDir } from '../../support/temp-dir.ts';

let dir: ReturnType<typeof tempDir>;
let db: Db;
afterEach(() => {
  db.close();
  dir.remove();
});
const settings = () => {
  dir = tempDir('numbers');
  db = openDatabase(dir.file('k.sqlite'));
  return new SettingsRepo(db);
};

describe('numbers the kiosk makes itself', () => {
  it('payment references and tracking numbers: kiosk, date, daily sequence, 13 digits, restarting each day', () => {
    const s = settings();
    const day1 = new Date('2026-11-22T08:00:00Z');
    expect(nextPaymentReference(s, 7, day1)).toBe('0072611220001');
    expect(nextPaymentReference(s, 7, day1)).toBe('0072611220002');
    expect(nextTrackingNumber(s, 7, day1)).toBe('0072611220001'); // its own counter
    expect(nextPaymentReference(s, 7, new Date('2026-11-23T08:00:00Z'))).toBe('0072611230001');
  });

  it('never reuses a number when the clock goes back a day', () => {
    const s = settings();
    const seen = new Set<string>();
    for (const at of ['2026-11-23T08:00:00Z', '2026-11-23T09:00:00Z', '2026-11-22T23:00:00Z', '2026-11-22T23:30:00Z', '2026-11-23T10:00:00Z']) {
      const r = nextPaymentReference(s, 1, new Date(at));
      expect(seen.has(r), r).toBe(false);
      seen.add(r);
    }
  });

  it('offline tickets cannot look like the centre\'s numbers', () => {
    const s = settings();
    const at = new Date('2026-11-22T08:00:00Z');
    expect(nextOfflineTicket(s, 3, 'MT', at)).toBe('K3-MT001');
    expect(nextOfflineTicket(s, 3, 'MT', at)).toBe('K3-MT002');
    expect(nextOfflineTicket(s, 3, 'A', at)).toBe('K3-A001');
  });
});
