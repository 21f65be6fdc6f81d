import { describe, expect, it } from 'vitest';
import { PROFILES as COUNTRY_PROFILES } from '../../../main/profiles/profiles.ts';
import { isPaymentJourney } from '../../../main/shared/catalogue/vocabulary.ts';
import { complaintEntities, servicesForJourney } from '../../../main/catalogue/queries.ts';
import { bundledCatalogue } from './fixtures.ts';

/** Coverage promised by issue 7 for each country's bundled catalogue. */
const MINIMUM = { KW: { services: 30, entities: 8 }, BH: { services: 12, entities: 5 }, QA: { services: 12, entities: 5 } } as const;

describe.each(['KW', 'BH', 'QA'] as const)('bundled %s catalogue', (profile) => {
  const cat = bundledCatalogue(profile);

  it('has the promised number of services and entities', () => {
    expect(cat.services.length).toBeGreaterThanOrEqual(MINIMUM[profile].services);
    expect(cat.entities.length).toBeGreaterThanOrEqual(MINIMUM[profile].entities);
    // Every entity offers something and every category is used.
    for (const e of cat.entities) expect(cat.services.some((s) => s.entityId === e.id)).toBe(true);
    for (const c of cat.categories) expect(cat.services.some((s) => s.categoryId === c.id), c.id).toBe(true);
  });

  it('offers the core kiosk journeys', () => {
    for (const j of ['payElectricityWater', 'payTrafficFines', 'inquireTrafficFines', 'inquireResidency', 'inquirePassport', 'complaint', 'queueTicket'] as const) {
      expect(servicesForJourney(cat, j).length, j).toBeGreaterThan(0);
    }
    expect(complaintEntities(cat).length).toBeGreaterThanOrEqual(3);
    for (const e of complaintEntities(cat)) for (const t of e.complaintTypes) expect(t.responseDays).toBeGreaterThan(0);
  });

  it('has awareness tips in both languages', () => {
    expect(cat.tips.length).toBeGreaterThanOrEqual(3);
    expect(cat.tips.some((t) => /PIN/.test(t.body.en))).toBe(true);
  });

  it('prices payable services plausibly in minor units of the profile currency', () => {
    const minor = 10 ** COUNTRY_PROFILES[profile].minorDigits;
    for (const s of cat.services) {
      for (const f of s.fees) {
        // Fixed fees between 0 and 1000 main units; fractions of a fils/dirham cannot exist.
        expect(Number.isInteger(f.amountMinor), s.id).toBe(true);
        expect(f.amountMinor, s.id).toBeLessThanOrEqual(1000 * minor);
      }
      if (s.channel === 'kioskPayable') {
        expect(isPaymentJourney(s.journey), s.id).toBe(true);
        // The amount of a payable service is either fixed or comes from the lookup.
        expect(s.fees.some((f) => f.variable === true || f.amountMinor > 0), s.id).toBe(true);
      }
    }
  });
});

describe('Kuwait catalogue content', () => {
  const cat = bundledCatalogue('KW');
  it('names the entities of the Tasdeed e-payment system', () => {
    const names = cat.entities.map((e) => e.name.en);
    for (const n of ['Ministry of Interior', 'Ministry of Electricity and Water', 'Ministry of Communications', 'Public Authority for Civil Information', 'Ministry of Justice', 'Ministry of Finance', 'Ministry of Public Works', 'Zakat House']) {
      expect(names).toContain(n);
    }
  });
  it('charges the civil ID fee in fils', () => {
    const paci = cat.services.find((s) => s.journey === 'payPaciFee');
    expect(paci?.fees.map((f) => f.amountMinor)).toContain(5000); // 5.000 KWD
  });
});
