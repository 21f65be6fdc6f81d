import type { SettingsRepo } from '../store/settings-repo.ts';

interface DailySeq {
  day: string;
  seq: number;
}

/** A per-day counter kept in the settings table, so numbers survive a restart. */
function nextDaily(settings: SettingsRepo, key: string, now: Date): { day: string; seq: number } {
  const today = now.toISOString().slice(2, 10).replaceAll('-', '');
  const last = settings.get<DailySeq>(key);
  // Monotonic even if the clock goes back (bad RTC corrected by NTP): never reuse a number.
  const day = last && last.day > today ? last.day : today;
  const seq = last?.day === day ? last.seq + 1 : 1;
  settings.set(key, { day, seq }, now.toISOString());
  return { day, seq };
}

/**
 * Complaint tracking numbers are made by the kiosk before the first send, so the visitor gets
 * one while offline: kiosk number (3) + date YYMMDD + daily sequence (4), 13 digits, unique per centre.
 */
export function nextTrackingNumber(settings: SettingsRepo, kioskNumber: number, now: Date): string {
  const { day, seq } = nextDaily(settings, 'complaint.trackingSeq', now);
  return `${String(kioskNumber).padStart(3, '0')}${day}${String(seq).padStart(4, '0')}`;
}

/**
 * Offline queue tickets: "K<kiosk>-<group><seq>", e.g. "K3-A017". The centre's own numbers are a
 * group letter and digits ("A042") and never contain "K<n>-", so the two can never collide
 * when the kiosk is back online; the counter calls both.
 */
export function nextOfflineTicket(settings: SettingsRepo, kioskNumber: number, counterGroup: string, now: Date): string {
  const { seq } = nextDaily(settings, `ticket.offlineSeq.${counterGroup}`, now);
  return `K${kioskNumber}-${counterGroup}${String(seq).padStart(3, '0')}`;
}

/**
 * Payment references for receipts and reprints: kiosk number (3) + YYMMDD + daily sequence (4),
 * all digits so they can be typed on the keypad.
 */
export function nextPaymentReference(settings: SettingsRepo, kioskNumber: number, now: Date): string {
  const { day, seq } = nextDaily(settings, 'payment.referenceSeq', now);
  return `${String(kioskNumber).padStart(3, '0')}${day}${String(seq).padStart(4, '0')}`;
}
