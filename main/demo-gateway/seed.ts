/**
 * Demo accounts for the Ministry of Electricity and Water (Kuwait profile, KWD fils).
 * Each account has a few monthly bills; the oldest unpaid one is what the kiosk shows.
 */
export const DEMO_EW_ACCOUNTS = ['100200300', '100200301', '100200302', '100200303', '100200304', '100200305', '100200306', '100200307'];

export function demoBills() {
  const periods = ['2026-08', '2026-09', '2026-10'];
  return DEMO_EW_ACCOUNTS.flatMap((account, i) =>
    periods.map((period, p) => ({
      billId: `EW-${account}-${period}`,
      service: 'electricityWater',
      account,
      period,
      dueDate: `${period}-28`,
      // Deterministic, varied amounts in fils: 12.750 KWD, 18.250 KWD, …
      amountMinor: 12_750 + i * 5_500 + p * 1_125,
      currency: 'KWD',
    })),
  );
}

export const EW_ENTITY = { ar: 'وزارة الكهرباء والماء', en: 'Ministry of Electricity and Water' };
export const EW_DESCRIPTION = { ar: 'فاتورة الكهرباء والماء', en: 'Electricity & water bill' };
