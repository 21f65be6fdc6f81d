import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/store/database.ts';
import { SettingsRepo } from '../../../main/store/settings-repo.ts';
import { isOwnNumberValid, nextOfflineTicket, nextPaymentReference, nextTrackingNumber, NUMBER_DIGITS } from '../../../main/numbering/local-numbers.ts';
import { addLocalDays, localIsoDate } from '../../../main/numbering/local-time.ts';
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
const KW = 'Asia/Kuwait';
/** Kiosk, year and day of the year, and sequence, without the check group. */
const base = (n: string) => n.slice(0, 12);

describe('numbers the kiosk makes itself', () => {
  it('payment references and tracking numbers: kiosk, local year and day of the year, daily sequence, 4-digit keyed check: 16 digits', () => {
    const s = settings();
    const day1 = new Date('2026-11-22T08:00:00Z');
    const a = nextPaymentReference(s, 7, day1, KW);
    expect(a).toMatch(/^\d{16}$/);
    expect(NUMBER_DIGITS).toBe(16);
    expect(base(a)).toBe('007263260001');
    expect(base(nextPaymentReference(s, 7, day1, KW))).toBe('007263260002');
    expect(base(nextTrackingNumber(s, 7, day1, KW))).toBe('007263260001'); // its own counter
    expect(base(nextPaymentReference(s, 7, new Date('2026-11-23T08:00:00Z'), KW))).toBe('007263270001');
  });

  it('the day turns at local midnight, not UTC: 23:30 and 00:30 in Kuwait around a UTC day boundary', () => {
    const s = settings();
    // 2026-03-31T20:30Z is 23:30 on 31 March in Kuwait (UTC+3); 21:30Z is 00:30 on 1 April there.
    const before = new Date('2026-03-31T20:30:00Z');
    const after = new Date('2026-03-31T21:30:00Z');
    expect(base(nextPaymentReference(s, 1, before, KW))).toBe('001260900001');
    expect(base(nextPaymentReference(s, 1, after, KW))).toBe('001260910001'); // a new local day: sequence restarts
    expect(base(nextTrackingNumber(s, 1, after, KW))).toBe('001260910001');
    expect(nextOfflineTicket(s, 1, 'A', before, KW)).toBe('K1-A001');
    expect(nextOfflineTicket(s, 1, 'A', after, KW)).toBe('K1-A001');
    // Both instants are the same UTC day: the old UTC numbering would have continued at 0002.
    expect(before.toISOString().slice(0, 10)).toBe(after.toISOString().slice(0, 10));
    // Bahrain and Qatar are UTC+3 too; a zone on the other side of UTC shows the rule is the zone's.
    expect(localIsoDate(after, 'Asia/Qatar')).toBe('2026-04-01');
    expect(localIsoDate(after, 'Asia/Bahrain')).toBe('2026-04-01');
    expect(localIsoDate(after, 'America/New_York')).toBe('2026-03-31');
    expect(addLocalDays(after, 30, KW)).toBe('2026-05-01');
    expect(addLocalDays(before, 30, KW)).toBe('2026-04-30');
  });

  it('never reuses a number when the clock goes back a day', () => {
    const s = settings();
    const seen = new Set<string>();
    for (const at of ['2026-11-23T08:00:00Z', '2026-11-23T09:00:00Z', '2026-11-22T20:00:00Z', '2026-11-22T20:30:00Z', '2026-11-23T10:00:00Z']) {
      const r = nextPaymentReference(s, 1, new Date(at), KW);
      expect(seen.has(base(r)), r).toBe(false);
      seen.add(base(r));
    }
  });

  it('the check group is keyed: valid for this kiosk, wrong when any digit is changed, different per kiosk secret', () => {
    const s = settings();
    const at = new Date('2026-11-22T08:00:00Z');
    const ref = nextPaymentReference(s, 7, at, KW);
    const tracking = nextTrackingNumber(s, 7, at, KW);
    expect(isOwnNumberValid(s, 'payment', 7, ref, at)).toBe(true);
    expect(isOwnNumberValid(s, 'complaint', 7, tracking, at)).toBe(true);
    let wrong = 0;
    for (let i = 12; i < 16; i++) {
      for (let d = 1; d <= 9; d++) {
        const digit = String((Number(ref[i]) + d) % 10);
        if (isOwnNumberValid(s, 'payment', 7, ref.slice(0, i) + digit + ref.slice(i + 1), at) === false) wrong++;
      }
    }
    expect(wrong).toBe(36);
    // Another kiosk's prefix, or a number of another length (13-digit ones were issued before), cannot be judged here.
    expect(isOwnNumberValid(s, 'complaint', 8, tracking, at)).toBeUndefined();
    expect(isOwnNumberValid(s, 'complaint', 7, tracking.slice(0, 13), at)).toBeUndefined();
    // A second kiosk (its own database and secret) makes different check groups for the same base.
    const otherDb = openDatabase(':memory:');
    const other = new SettingsRepo(otherDb);
    const otherRef = nextPaymentReference(other, 7, at, KW);
    expect(base(otherRef)).toBe(base(ref));
    expect(s.get('numbering.secret')).not.toEqual(other.get('numbering.secret'));
    otherDb.close();
  });

  it("offline tickets cannot look like the centre's numbers", () => {
    const s = settings();
    const at = new Date('2026-11-22T08:00:00Z');
    expect(nextOfflineTicket(s, 3, 'MT', at, KW)).toBe('K3-MT001');
    expect(nextOfflineTicket(s, 3, 'MT', at, KW)).toBe('K3-MT002');
    expect(nextOfflineTicket(s, 3, 'A', at, KW)).toBe('K3-A001');
  });
});
