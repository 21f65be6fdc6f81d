import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CatalogueStore, BUNDLED_CATALOGUE_DIR } from '../../../main/catalogue/catalogue-store.ts';
import type { Catalogue } from '../../../main/shared/catalogue/schema.ts';
import { rawCatalogue, setIn } from './fixtures.ts';

let dir: string;
let bundledDir: URL;
let cacheFile: string;

/** A bundled folder in the temp dir with KW at a chosen version, so tests control "newer". */
function writeBundled(version: number, mutate?: (c: ReturnType<typeof rawCatalogue>) => void): void {
  const c = rawCatalogue('KW');
  c.version = version;
  mutate?.(c);
  writeFileSync(new URL('KW.json', bundledDir), JSON.stringify(c));
}

function catalogueJson(version: number, profile: 'KW' | 'BH' = 'KW'): ReturnType<typeof rawCatalogue> {
  const c = rawCatalogue(profile);
  c.version = version;
  return c;
}

const store = () => new CatalogueStore({ bundledDir, cacheFile, profile: 'KW' });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'khidma-catalogue-'));
  mkdirSync(join(dir, 'bundled'));
  bundledDir = pathToFileURL(join(dir, 'bundled') + '/');
  cacheFile = join(dir, 'data', 'catalogue-KW.json');
  writeBundled(3);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('CatalogueStore start-up', () => {
  it('loads the real bundled catalogue from the assets folder', () => {
    const s = new CatalogueStore({ bundledDir: BUNDLED_CATALOGUE_DIR, cacheFile, profile: 'QA' });
    expect(s.source).toBe('bundled');
    expect(s.catalogue.profile).toBe('QA');
    expect(s.loadWarnings).toEqual([]);
  });

  it('uses the bundled catalogue when there is no cache', () => {
    const s = store();
    expect([s.source, s.version]).toEqual(['bundled', 3]);
  });

  it('accepts a bundled folder URL without the trailing slash', () => {
    const s = new CatalogueStore({ bundledDir: pathToFileURL(join(dir, 'bundled')), cacheFile, profile: 'KW' });
    expect(s.version).toBe(3);
  });

  it('prefers a valid, newer cache', () => {
    mkdirSync(join(dir, 'data'));
    writeFileSync(cacheFile, JSON.stringify(catalogueJson(7)));
    const s = store();
    expect([s.source, s.version]).toEqual(['cache', 7]);
  });

  it('ignores a cache that is not newer than the bundle (an app update shipped newer data)', () => {
    mkdirSync(join(dir, 'data'));
    writeFileSync(cacheFile, JSON.stringify(catalogueJson(2)));
    const s = store();
    expect([s.source, s.version]).toEqual(['bundled', 3]);
    expect(s.loadWarnings.join()).toMatch(/not newer/);
  });

  it.each([
    ['truncated JSON', () => JSON.stringify(catalogueJson(9)).slice(0, 500), /not valid JSON/],
    ['an invalid catalogue', () => JSON.stringify({ ...catalogueJson(9), services: 'none' }), /invalid: services: must be an array/],
    ['another profile', () => JSON.stringify(catalogueJson(9, 'BH')), /profile BH/],
    ['binary junk', () => '\u0000\u00ff\u0001garbage', /not valid JSON/],
  ])('ignores a corrupt cache file: %s', (_name, content, warning) => {
    mkdirSync(join(dir, 'data'));
    writeFileSync(cacheFile, content());
    const s = store();
    expect([s.source, s.version]).toEqual(['bundled', 3]);
    expect(s.loadWarnings.join()).toMatch(warning);
  });

  it('falls back to a valid cache when the bundle is broken, and fails loudly when both are', () => {
    writeBundled(3, (c) => setIn(c, ['services', 0, 'fees'], []));
    expect(() => store()).toThrow(/no usable catalogue for KW: bundled catalogue KW.json invalid: services\[0\]\.fees/);
    mkdirSync(join(dir, 'data'));
    writeFileSync(cacheFile, JSON.stringify(catalogueJson(1)));
    expect(store().source).toBe('cache');
  });
});

describe('CatalogueStore.offerUpdate', () => {
  it('accepts valid, newer data, writes the cache atomically and notifies', () => {
    const s = store();
    const seen: Catalogue[] = [];
    s.onChange((c) => seen.push(c));
    s.onChange(() => {
      throw new Error('a broken subscriber');
    });
    const update = catalogueJson(4);
    setIn(update, ['services', 0, 'name', 'en'], 'Pay traffic violations (updated)');
    expect(s.offerUpdate(update)).toEqual({ accepted: true });
    expect([s.source, s.version, s.catalogue.services[0]?.name.en]).toEqual(['update', 4, 'Pay traffic violations (updated)']);
    expect(seen.map((c) => c.version)).toEqual([4]);
    // The cache holds exactly the update, with no temp file left beside it.
    expect(JSON.parse(readFileSync(cacheFile, 'utf8'))).toEqual(update);
    expect(readdirSync(join(dir, 'data'))).toEqual(['catalogue-KW.json']);
    // And a restarted kiosk comes back with it.
    expect([store().source, store().version]).toEqual(['cache', 4]);
  });

  it('is not affected by later changes to the offered object', () => {
    const s = store();
    const update = catalogueJson(5);
    s.offerUpdate(update);
    setIn(update, ['services', 0, 'id'], 'mutated-after');
    expect(s.catalogue.services[0]?.id).not.toBe('mutated-after');
  });

  it.each([3, 2, 1])('refuses version %i when version 3 is current, keeping the current one', (v) => {
    const s = store();
    const before = s.catalogue;
    expect(s.offerUpdate(catalogueJson(v))).toEqual({ accepted: false, reason: `version ${v} is not newer than current version 3` });
    expect(s.catalogue).toBe(before);
    expect(existsSync(cacheFile)).toBe(false);
  });

  it('refuses invalid data with the reason, keeping the current catalogue and cache', () => {
    const s = store();
    s.offerUpdate(catalogueJson(4));
    const cached = readFileSync(cacheFile, 'utf8');
    const bad = catalogueJson(9);
    setIn(bad, ['services', 12, 'fees', 0, 'amountMinor'], -1);
    const r = s.offerUpdate(bad);
    expect(r.accepted).toBe(false);
    expect(r.reason).toContain('services[12].fees[0].amountMinor: must be a non-negative integer');
    expect(s.version).toBe(4);
    expect(readFileSync(cacheFile, 'utf8')).toBe(cached);
  });

  it('refuses a catalogue for another profile', () => {
    const s = store();
    expect(s.offerUpdate(catalogueJson(10, 'BH'))).toEqual({ accepted: false, reason: 'catalogue is for profile BH, this kiosk is KW' });
  });

  it('refuses values that are not JSON at all', () => {
    const s = store();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const v of [undefined, () => 1, 10n, cyclic]) expect(s.offerUpdate(v).accepted).toBe(false);
    expect(s.version).toBe(3);
  });

  it('never throws and never replaces the catalogue on random input', () => {
    const s = store();
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withDate: true }), (v) => {
        expect(s.offerUpdate(v).accepted).toBe(false);
        expect(s.version).toBe(3);
      }),
      { numRuns: 200 },
    );
    expect(existsSync(cacheFile)).toBe(false);
  });

  it('still serves a valid update when the cache cannot be written', () => {
    writeFileSync(join(dir, 'blocker'), 'a file where the data folder should be');
    const s = new CatalogueStore({ bundledDir, cacheFile: join(dir, 'blocker', 'catalogue.json'), profile: 'KW' });
    const r = s.offerUpdate(catalogueJson(6));
    expect(r.accepted).toBe(true);
    expect(r.reason).toMatch(/^accepted in memory; cache not written \(E[A-Z]+\)$/);
    expect(s.version).toBe(6);
  });
});
