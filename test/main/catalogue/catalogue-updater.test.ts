import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CatalogueStore } from '../../../main/catalogue/catalogue-store.ts';
import { CatalogueUpdater } from '../../../main/catalogue/catalogue-updater.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { tempDir } from '../../support/temp-dir.ts';

const bundledDir = new URL('../../../assets/catalogue/', import.meta.url);
const kw = JSON.parse(readFileSync(new URL('KW.json', bundledDir), 'utf8')) as { version: number; services: { name: { en: string } }[] };
let dir: ReturnType<typeof tempDir>;
afterEach(() => dir.remove());

function setup(reply: () => Promise<{ version: number; catalogue: unknown } | null>) {
  dir = tempDir('cat-upd');
  const store = new CatalogueStore({ bundledDir, cacheFile: dir.file('cache.json'), profile: 'KW' });
  const asked: number[] = [];
  const updater = new CatalogueUpdater({
    store,
    profile: 'KW',
    log: silentLogger,
    gateway: {
      fetchCatalogue: (_p, since) => {
        asked.push(since);
        return reply();
      },
    },
  });
  return { store, updater, asked };
}

describe('catalogue updates from the gateway', () => {
  it('takes a newer valid catalogue and asks with the current version', async () => {
    const newer = structuredClone(kw);
    newer.version = kw.version + 1;
    newer.services[0]!.name.en = 'Renamed by the gateway';
    const { store, updater, asked } = setup(async () => ({ version: newer.version, catalogue: newer }));
    await updater.refresh();
    expect(asked).toEqual([kw.version]);
    expect(store.version).toBe(kw.version + 1);
    expect(store.catalogue.services[0]!.name.en).toBe('Renamed by the gateway');
  });

  it('keeps the current catalogue when the gateway sends invalid data, nothing new, or fails', async () => {
    for (const reply of [
      async () => ({ version: 99, catalogue: { version: 99, profile: 'KW', services: 'oops' } }),
      async () => null,
      async () => {
        throw new Error('gateway unreachable');
      },
    ]) {
      const { store, updater } = setup(reply);
      await updater.refresh();
      expect(store.version).toBe(kw.version);
      expect(store.catalogue.services.length).toBe(kw.services.length);
      dir.remove();
    }
    dir = tempDir('cat-upd-end');
  });
});
