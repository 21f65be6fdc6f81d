import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPath, parseCatalogue } from '../../../../main/shared/catalogue/schema.ts';
import { PROFILES, deleteIn, getIn, rawCatalogue, setIn } from '../../catalogue/fixtures.ts';

/** Parses a defective copy of the Kuwait catalogue and returns its error lines. */
function errorsAfter(mutate: (c: ReturnType<typeof rawCatalogue>) => void): string[] {
  const c = rawCatalogue('KW');
  mutate(c);
  const r = parseCatalogue(c);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

/** Index of the first service with this journey in the KW file (data order may change). */
const indexOf = (c: ReturnType<typeof rawCatalogue>, pred: (s: Record<string, unknown>) => boolean): number => {
  const i = c.services.findIndex(pred);
  expect(i).toBeGreaterThanOrEqual(0);
  return i;
};

describe('parseCatalogue on the bundled data', () => {
  it.each(PROFILES)('accepts the bundled %s catalogue', (profile) => {
    const r = parseCatalogue(rawCatalogue(profile));
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(r.ok && r.catalogue.profile).toBe(profile);
  });
});

describe('parseCatalogue rejects each kind of defect with a message naming the path', () => {
  it('a negative or fractional fee', () => {
    expect(errorsAfter((c) => (setIn(c, ['services', 12, 'fees', 0, 'amountMinor'], -5)))).toEqual([
      'services[12].fees[0].amountMinor: must be a non-negative integer',
    ]);
    expect(errorsAfter((c) => (setIn(c, ['services', 3, 'fees', 0, 'amountMinor'], 1.5)))).toEqual([
      'services[3].fees[0].amountMinor: must be a non-negative integer',
    ]);
    expect(errorsAfter((c) => (setIn(c, ['services', 3, 'fees', 0, 'amountMinor'], '100')))).toEqual([
      'services[3].fees[0].amountMinor: must be a non-negative integer',
    ]);
  });

  it('a missing or empty language', () => {
    expect(errorsAfter((c) => deleteIn(c, ['services', 0, 'name', 'en']))).toEqual(['services[0].name.en: is required']);
    expect(errorsAfter((c) => (setIn(c, ['services', 0, 'description', 'ar'], '   ')))).toEqual([
      'services[0].description.ar: must not be empty',
    ]);
    expect(errorsAfter((c) => (setIn(c, ['entities', 1, 'shortName'], 'MEW')))).toEqual([
      'entities[1].shortName: must be an object {ar, en}',
    ]);
  });

  it('Arabic text without Arabic letters, and swapped languages', () => {
    expect(errorsAfter((c) => (setIn(c, ['services', 2, 'steps', 1, 'ar'], 'Enter the number')))).toEqual([
      'services[2].steps[1].ar: must contain Arabic letters',
    ]);
    const swapped = errorsAfter((c) => {
      const [ar, en] = [getIn(c, ['services', 4, 'name', 'ar']), getIn(c, ['services', 4, 'name', 'en'])];
      setIn(c, ['services', 4, 'name'], { ar: en, en: ar });
    });
    expect(swapped).toEqual([
      'services[4].name.ar: must contain Arabic letters',
      'services[4].name.en: must not contain Arabic letters (languages swapped?)',
    ]);
    expect(errorsAfter((c) => ((getIn(c, ['services', 1, 'keywords', 'ar']) as string[]).push('fines')))).toEqual([
      expect.stringMatching(/^services\[1\]\.keywords\.ar\[\d+\]: must contain Arabic letters$/),
    ]);
  });

  it('unknown entity and category references', () => {
    expect(errorsAfter((c) => (c.services[7]!.entityId = 'ministry-of-magic'))).toContain(
      'services[7].entityId: unknown entity "ministry-of-magic"',
    );
    expect(errorsAfter((c) => (c.services[7]!.categoryId = 'nowhere'))).toEqual(['services[7].categoryId: unknown category "nowhere"']);
  });

  it('duplicate ids', () => {
    const errors = errorsAfter((c) => (c.services[5]!.id = c.services[2]!.id));
    expect(errors).toEqual([`services[5].id: duplicate id "${rawCatalogue('KW').services[2]!.id}" (first used at services[2].id)`]);
    expect(errorsAfter((c) => (setIn(c, ['entities', 3, 'id'], getIn(c, ['entities', 0, 'id']))))).toContain(
      'entities[3].id: duplicate id "moi" (first used at entities[0].id)',
    );
    expect(errorsAfter((c) => (setIn(c, ['tips', 1, 'id'], getIn(c, ['tips', 0, 'id']))))[0]).toMatch(/^tips\[1\]\.id: duplicate id/);
  });

  it('invalid ids and journeys', () => {
    expect(errorsAfter((c) => (c.services[0]!.id = 'Pay Fines!'))).toEqual([
      'services[0].id: must be a kebab-case id (a-z, 0-9, single hyphens)',
    ]);
    expect(errorsAfter((c) => (c.services[0]!.journey = 'payParkingTicket'))[0]).toMatch(
      /^services\[0\]\.journey: must be one of: payElectricityWater, .*queueTicket$/,
    );
  });

  it('channel rules: payable needs a payment journey, counter needs a counter group', () => {
    const payable = (s: Record<string, unknown>) => s.channel === 'kioskPayable';
    const counter = (s: Record<string, unknown>) => s.channel === 'counterOnly';
    let i = 0;
    expect(
      errorsAfter((c) => {
        i = indexOf(c, payable);
        c.services[i]!.journey = 'inquirePassport';
      }),
    ).toEqual([expect.stringMatching(new RegExp(`^services\\[${i}\\]\\.journey: a kioskPayable service needs a payment journey`))]);
    expect(
      errorsAfter((c) => {
        i = indexOf(c, counter);
        delete c.services[i]!.counterGroup;
      }),
    ).toContain(`services[${i}].counterGroup: a counterOnly service needs a counter group for queue tickets`);
  });

  it('a complaint journey for an entity without complaint types', () => {
    const errors = errorsAfter((c) => {
      (c.entities as unknown[]).forEach((_, i) => setIn(c, ['entities', i, 'complaintTypes'], []));
    });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => /^services\[\d+\]\.journey: entity "[a-z-]+" has no complaintTypes/.test(e))).toBe(true);
  });

  it('forms must be https links (they become QR codes)', () => {
    const errors = errorsAfter((c) => {
      const i = indexOf(c, (s) => Array.isArray(s.forms) && s.forms.length > 0);
      setIn(c, ['services', i, 'forms', 0, 'url'], 'http://example.com/form.pdf');
    });
    expect(errors).toEqual([expect.stringMatching(/^services\[\d+\]\.forms\[0\]\.url: must be an absolute https:\/\/ URL$/)]);
  });

  it('version, profile and top-level shape', () => {
    expect(errorsAfter((c) => (c.version = 0))).toEqual(['version: must be a positive integer']);
    expect(errorsAfter((c) => (c.version = '2'))).toEqual(['version: must be a positive integer']);
    expect(errorsAfter((c) => (c.profile = 'SA'))).toEqual(['profile: must be one of: KW, BH, QA']);
    expect(errorsAfter((c) => (c.services = []))).toEqual(['services: must list at least one service']);
    expect(errorsAfter((c) => delete c.categories)).toEqual(['categories: is required']);
  });

  it('caps the message list for wholesale garbage', () => {
    const r = parseCatalogue({ version: 1, profile: 'KW', entities: [{}], categories: [{}], services: Array.from({ length: 40 }, () => ({})) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(51);
      expect(r.errors[50]).toMatch(/^… and \d+ more$/);
    }
  });

  it('formats paths like the catalogue is written', () => {
    expect(formatPath(['services', 12, 'fees', 0, 'amountMinor'])).toBe('services[12].fees[0].amountMinor');
    expect(formatPath([])).toBe('(root)');
  });
});

describe('parseCatalogue never throws', () => {
  it('on random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseCatalogue(v);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.errors.every((e) => typeof e === 'string' && e.length > 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary values, including non-JSON ones', () => {
    fc.assert(fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true }), (v) => {
      expect(() => parseCatalogue(v)).not.toThrow();
    }), { numRuns: 300 });
  });

  it('on the real catalogue with one value anywhere replaced by garbage', () => {
    // Collect every path into the document, then overwrite one with a random value.
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(rawCatalogue('BH'), []);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: paths.length - 1 }), fc.jsonValue(), (pick, garbage) => {
        const doc = rawCatalogue('BH');
        setIn(doc, paths[pick]!, garbage);
        const r = parseCatalogue(doc);
        if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('on objects with throwing getters', () => {
    const hostile = Object.defineProperty({}, 'version', { enumerable: true, get: () => { throw new Error('boom'); } });
    const r = parseCatalogue(hostile);
    expect(r.ok).toBe(false);
  });
});
