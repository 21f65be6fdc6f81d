import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SettingsRepo } from '../store/settings-repo.ts';
import { localIsoDate } from './local-time.ts';

interface DailySeq {
  day: string;
  seq: number;
}

/**
 * A per-day counter kept in the settings table, so numbers survive a restart. The day is the
 * profile's local day (Kuwait's 00:30 is still 21:30 UTC of the day before).
 */
function nextDaily(settings: SettingsRepo, key: string, now: Date, timeZone: string): { day: string; seq: number } {
  const today = localIsoDate(now, timeZone).slice(2).replaceAll('-', '');
  const last = settings.get<DailySeq>(key);
  // Monotonic even if the clock goes back (bad RTC corrected by NTP): never reuse a number.
  const day = last && last.day > today ? last.day : today;
  const seq = last?.day === day ? last.seq + 1 : 1;
  settings.set(key, { day, seq }, now.toISOString());
  return { day, seq };
}

/** Digits of the keyed check group at the end of references and tracking numbers. */
export const CHECK_DIGITS = 4;
/** Kiosk (3) + local year and day of the year YYDDD (5) + daily sequence (4). */
const BASE_DIGITS = 12;
/** Length of a payment reference or tracking number: base + check. */
export const NUMBER_DIGITS = BASE_DIGITS + CHECK_DIGITS;

/** "261122" (YYMMDD) → "26326": the date in 5 digits, so the check group gets 4 in 16. */
function yearDay(yymmdd: string): string {
  const [y, m, d] = [Number(yymmdd.slice(0, 2)), Number(yymmdd.slice(2, 4)), Number(yymmdd.slice(4, 6))];
  const doy = (Date.UTC(2000 + y, m - 1, d) - Date.UTC(2000 + y, 0, 1)) / 86_400_000 + 1;
  return `${yymmdd.slice(0, 2)}${String(doy).padStart(3, '0')}`;
}

type Purpose = 'payment' | 'complaint';
const SECRET_KEY = 'numbering.secret';

/** The kiosk's own key for check groups: random, made on first use, never leaves the database. */
function kioskSecret(settings: SettingsRepo, now: Date): Buffer {
  let hex = settings.get<string>(SECRET_KEY);
  if (!hex) {
    hex = randomBytes(32).toString('hex');
    settings.set(SECRET_KEY, hex, now.toISOString());
  }
  return Buffer.from(hex, 'hex');
}

function checkGroup(secret: Buffer, purpose: Purpose, base: string): string {
  const mac = createHmac('sha256', secret).update(`${purpose}:${base}`).digest();
  return String(mac.readUInt32BE(0) % 10 ** CHECK_DIGITS).padStart(CHECK_DIGITS, '0');
}

/**
 * Kiosk, day and sequence alone could be counted through; the check group is an HMAC of them
 * under the kiosk's secret, so a guessed number is right once in 10^CHECK_DIGITS tries (and
 * look-ups are rate-limited). Still all digits, so it is typed on the keypad.
 */
function keyedNumber(settings: SettingsRepo, purpose: Purpose, kioskNumber: number, day: string, seq: number, now: Date): string {
  const base = `${String(kioskNumber).padStart(3, '0')}${yearDay(day)}${String(seq).padStart(4, '0')}`;
  return base + checkGroup(kioskSecret(settings, now), purpose, base);
}

/**
 * Whether a number claiming to be this kiosk's carries a valid check group. Numbers of other
 * kiosks (another prefix) cannot be checked here: only the gateway knows them.
 */
export function isOwnNumberValid(settings: SettingsRepo, purpose: Purpose, kioskNumber: number, value: string, now: Date): boolean | undefined {
  if (!new RegExp(`^\\d{${NUMBER_DIGITS}}$`).test(value) || Number(value.slice(0, 3)) !== kioskNumber) return undefined;
  const want = Buffer.from(checkGroup(kioskSecret(settings, now), purpose, value.slice(0, BASE_DIGITS)));
  return timingSafeEqual(want, Buffer.from(value.slice(BASE_DIGITS)));
}

/**
 * Complaint tracking numbers are made by the kiosk before the first send, so the visitor gets
 * one while offline: kiosk number (3) + local year and day of the year YYDDD (5) + daily
 * sequence (4) + keyed check (4), 16 digits, unique per centre for a century.
 */
export function nextTrackingNumber(settings: SettingsRepo, kioskNumber: number, now: Date, timeZone: string): string {
  const { day, seq } = nextDaily(settings, 'complaint.trackingSeq', now, timeZone);
  return keyedNumber(settings, 'complaint', kioskNumber, day, seq, now);
}

/**
 * Offline queue tickets: "K<kiosk>-<group><seq>", e.g. "K3-A017". The centre's own numbers are a
 * group letter and digits ("A042") and never contain "K<n>-", so the two can never collide
 * when the kiosk is back online; the counter calls both.
 */
export function nextOfflineTicket(settings: SettingsRepo, kioskNumber: number, counterGroup: string, now: Date, timeZone: string): string {
  const { seq } = nextDaily(settings, `ticket.offlineSeq.${counterGroup}`, now, timeZone);
  return `K${kioskNumber}-${counterGroup}${String(seq).padStart(3, '0')}`;
}

/**
 * Payment references for receipts and reprints: kiosk number (3) + local YYDDD + daily
 * sequence (4) + keyed check (4), all digits so they can be typed on the keypad.
 */
export function nextPaymentReference(settings: SettingsRepo, kioskNumber: number, now: Date, timeZone: string): string {
  const { day, seq } = nextDaily(settings, 'payment.referenceSeq', now, timeZone);
  return keyedNumber(settings, 'payment', kioskNumber, day, seq, now);
}
