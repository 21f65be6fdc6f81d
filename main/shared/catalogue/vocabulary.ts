/** Closed vocabularies shared by the schema, the cross-checks and the screens. */

export const PROFILE_IDS = ['KW', 'BH', 'QA'] as const;

/** How a visitor gets the service: pay here, ask here, visit a counter, or use the portal. */
export const CHANNELS = ['kioskPayable', 'inquiry', 'counterOnly', 'online'] as const;

/** Kiosk journeys that take money (bill, fines, fee or donation). */
export const PAYMENT_JOURNEYS = [
  'payElectricityWater',
  'payTrafficFines',
  'payTelephone',
  'payPaciFee',
  'payJusticeFee',
  'donateZakat',
] as const;

/** Every kiosk journey a service may link to. */
export const JOURNEYS = [
  ...PAYMENT_JOURNEYS,
  'inquireTrafficFines',
  'inquireResidency',
  'inquirePassport',
  'inquireCivilIdCard',
  'complaint',
  'queueTicket',
] as const;

export type Channel = (typeof CHANNELS)[number];
export type JourneyId = (typeof JOURNEYS)[number];
export type PaymentJourneyId = (typeof PAYMENT_JOURNEYS)[number];

export const isPaymentJourney = (j: string | undefined): j is PaymentJourneyId =>
  (PAYMENT_JOURNEYS as readonly string[]).includes(j ?? '');
