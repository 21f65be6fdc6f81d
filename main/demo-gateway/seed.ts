import { makeKuwaitCivilNumber } from '../identity/index.ts';
import type { BillService, WireCivilIdCard, WireFine, WirePassport, WireResidency } from '../gateway/wire.ts';

/**
 * Demo data of the embedded gateway (Kuwait profile, KWD fils). Deterministic, so the README,
 * tests and demos can name accounts and civil numbers. Nothing here is a real person.
 */
export const DEMO_EW_ACCOUNTS = ['100200300', '100200301', '100200302', '100200303', '100200304', '100200305', '100200306', '100200307'];
export const DEMO_PHONE_ACCOUNTS = ['24810001', '24810002', '24810003'];
export const DEMO_PACI_ACCOUNTS = ['700100001', '700100002', '700100003'];
export const DEMO_JUSTICE_ACCOUNTS = ['2026000101', '2026000102', '2026000103'];

const bi = (ar: string, en: string) => ({ ar, en });

export type DemoProfile = 'KW' | 'BH' | 'QA';
export const DEMO_CURRENCY = { KW: 'KWD', BH: 'BHD', QA: 'QAR' } as const;
type ServiceText = Record<BillService, { entity: { ar: string; en: string }; description: { ar: string; en: string } }>;

export const SERVICE_TEXT: ServiceText = {
  electricityWater: { entity: bi('وزارة الكهرباء والماء', 'Ministry of Electricity and Water'), description: bi('فاتورة الكهرباء والماء', 'Electricity & water bill') },
  telephone: { entity: bi('وزارة المواصلات', 'Ministry of Communications'), description: bi('فاتورة الهاتف الأرضي', 'Landline telephone bill') },
  paciFee: { entity: bi('الهيئة العامة للمعلومات المدنية', 'Public Authority for Civil Information'), description: bi('رسوم البطاقة المدنية', 'Civil ID card fee') },
  justiceFee: { entity: bi('وزارة العدل', 'Ministry of Justice'), description: bi('رسوم قضائية', 'Court fee') },
};
/** The same services under each country's own entities. */
export const SERVICE_TEXT_BY_PROFILE: Record<DemoProfile, ServiceText> = {
  KW: SERVICE_TEXT,
  BH: {
    electricityWater: { entity: bi('هيئة الكهرباء والماء', 'Electricity and Water Authority'), description: bi('فاتورة الكهرباء والماء', 'Electricity & water bill') },
    telephone: { entity: bi('بتلكو', 'Batelco'), description: bi('فاتورة الهاتف الثابت', 'Fixed-line telephone bill') },
    paciFee: { entity: bi('هيئة المعلومات والحكومة الإلكترونية', 'Information & eGovernment Authority'), description: bi('رسوم البطاقة الذكية', 'Smart card fee') },
    justiceFee: { entity: bi('وزارة العدل والشؤون الإسلامية والأوقاف', 'Ministry of Justice, Islamic Affairs and Waqf'), description: bi('رسوم قضائية', 'Court fee') },
  },
  QA: {
    electricityWater: { entity: bi('كهرماء', 'Kahramaa'), description: bi('فاتورة الكهرباء والماء', 'Electricity & water bill') },
    telephone: { entity: bi('أوريدو', 'Ooredoo'), description: bi('فاتورة الهاتف الثابت', 'Fixed-line telephone bill') },
    paciFee: { entity: bi('وزارة الداخلية', 'Ministry of Interior'), description: bi('رسوم البطاقة الشخصية', 'QID card fee') },
    justiceFee: { entity: bi('وزارة العدل', 'Ministry of Justice'), description: bi('رسوم قضائية', 'Court fee') },
  },
};

export interface DemoBill {
  billId: string;
  service: BillService;
  account: string;
  period: string;
  dueDate: string;
  amountMinor: number;
  currency: 'KWD' | 'BHD' | 'QAR';
}

const PREFIX: Record<BillService, string> = { electricityWater: 'EW', telephone: 'TEL', paciFee: 'PACI', justiceFee: 'MOJ' };

/** Each account has three monthly bills; the oldest unpaid one is what the kiosk shows. */
export function demoBills(profile: DemoProfile = 'KW'): DemoBill[] {
  const periods = ['2026-08', '2026-09', '2026-10'];
  const accounts: [BillService, string[], number][] = [
    ['electricityWater', DEMO_EW_ACCOUNTS, 12_750],
    ['telephone', DEMO_PHONE_ACCOUNTS, 6_000],
    ['paciFee', DEMO_PACI_ACCOUNTS, 5_000],
    ['justiceFee', DEMO_JUSTICE_ACCOUNTS, 25_000],
  ];
  return accounts.flatMap(([service, list, base]) =>
    list.flatMap((account, i) =>
      periods.map((period, p) => ({
        billId: `${PREFIX[service]}-${account}-${period}`,
        service,
        account,
        period,
        dueDate: `${period}-28`,
        // Deterministic, varied amounts in fils: 12.750 KWD, 18.250 KWD, …
        amountMinor: base + i * 5_500 + p * 1_125,
        // Same numbers in each currency's minor units (fils, or dirham for QAR).
        currency: DEMO_CURRENCY[profile],
      })),
    ),
  );
}

export interface DemoPerson {
  nationalId: string;
  fines: WireFine[];
  residency: WireResidency;
  passport: WirePassport;
  civilIdCard: WireCivilIdCard;
}

const fine = (fineId: string, issuedAt: string, plate: string, place: [string, string], violation: [string, string], amountMinor: number, currency: 'KWD' | 'BHD' | 'QAR' = 'KWD'): WireFine => ({
  fineId,
  issuedAt,
  plate,
  place: bi(...place),
  violation: bi(...violation),
  amount: { amountMinor, currency },
});

/**
 * Fine references are opaque: never derived from the offender's civil number (a reference is
 * printed on receipts and sent to the gateway; a civil number must not be read back from it).
 */
const FINE_IDS = ['TF-7KQ2M9X4', 'TF-R3W8N5B1', 'TF-H6D2P7Z3', 'TF-V9C4L1T8'] as const;

const COLLECT = bi('مركز خدمة مجمع الوزارات', 'Government Mall service centre');

/** Demo visitors: national IDs valid for each profile (Kuwaiti ones made with their check digit). */
export function demoPeople(profile: DemoProfile = 'KW'): DemoPerson[] {
  const ids: Record<DemoProfile, string[]> = {
    KW: ['1985-03-14', '1990-11-02', '2001-06-30', '1978-01-09'].map((birth) => makeKuwaitCivilNumber(birth)),
    // CPR: YYMM of birth, serial, check; QID: century, YY, nationality (ISO numeric), serial.
    BH: ['850312345', '901100017', '010600021', '780100034'],
    QA: ['28563400123', '29004800456', '30163400789', '27841400012'],
  };
  const [a, b, c, d] = ids[profile] as [string, string, string, string];
  const cur = DEMO_CURRENCY[profile];
  const people: DemoPerson[] = [
    {
      nationalId: a,
      fines: [
        fine(FINE_IDS[0], '2026-09-12', '12/34567', ['طريق الفحيحيل السريع', 'Fahaheel Expressway'], ['تجاوز السرعة المقررة', 'Speeding'], 20_000, cur),
        fine(FINE_IDS[1], '2026-10-03', '12/34567', ['شارع الخليج العربي', 'Arabian Gulf Street'], ['الوقوف في مكان ممنوع', 'No-parking zone'], 5_000, cur),
      ],
      residency: { status: 'valid', expiryDate: '2027-08-31', kind: bi('إقامة عمل', 'Work residency') },
      passport: { status: 'readyForCollection', updatedAt: '2026-11-01', collectionPoint: COLLECT },
      civilIdCard: { status: 'inProduction', updatedAt: '2026-11-10' },
    },
    {
      nationalId: b,
      fines: [fine(FINE_IDS[2], '2026-08-21', '45/11223', ['الدائري الخامس', 'Fifth Ring Road'], ['استخدام الهاتف أثناء القيادة', 'Phone use while driving'], 50_000, cur)],
      residency: { status: 'expiringSoon', expiryDate: '2026-12-15', kind: bi('إقامة التحاق بعائل', 'Family residency') },
      passport: { status: 'inProgress', updatedAt: '2026-11-05' },
      civilIdCard: { status: 'readyForCollection', updatedAt: '2026-11-12', collectionPoint: COLLECT },
    },
    {
      nationalId: c,
      fines: [],
      residency: { status: 'expired', expiryDate: '2026-06-30', kind: bi('إقامة عمل', 'Work residency') },
      passport: { status: 'none' },
      civilIdCard: { status: 'delivered', updatedAt: '2026-07-01' },
    },
    {
      nationalId: d,
      fines: [fine(FINE_IDS[3], '2026-10-28', '7/90001', ['شارع الجهراء', 'Jahra Road'], ['قطع الإشارة الحمراء', 'Red light'], 100_000, cur)],
      residency: { status: 'none' },
      passport: { status: 'received', updatedAt: '2026-11-18' },
      civilIdCard: { status: 'none' },
    },
  ];
  return people;
}
