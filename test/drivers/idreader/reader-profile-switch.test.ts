import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLink } from '../../../drivers/transport/memory-link.ts';
import { MrzReaderDriver } from '../../../drivers/idreader/mrz-reader-driver.ts';
import { MrzReaderSimulator } from '../../../drivers/idreader/mrz-reader-simulator.ts';
import { READER_PROFILES } from '../../../drivers/idreader/profiles.ts';
import type { ReadResult } from '../../../drivers/idreader/reader.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('a reader model chosen while the kiosk runs', () => {
  it('re-frames from the next byte: a reader with header and trailer is read once its profile is chosen', async () => {
    const [host, device] = createMemoryLink({ name: 'idreader' });
    const driver = new MrzReaderDriver(host, { profile: READER_PROFILES['generic-crlf'] });
    cleanups.push(() => driver.close());
    const reads: ReadResult[] = [];
    driver.onRead((r) => reads.push(r));
    const reader = new MrzReaderSimulator(device, { profile: READER_PROFILES['prefixed-crlf'] });

    // The wrong model: the header and trailer hide the document from the generic framing.
    await reader.present('utopia-passport');
    await new Promise((r) => setTimeout(r, READER_PROFILES['generic-crlf'].interLineTimeoutMs * 2));
    expect(reads).toEqual([]);

    // Half a line, then the technician picks the reader's model: the half line is dropped, the next document read.
    await device.write(Buffer.from('ID:P<UTOERIKSSON'));
    driver.setProfile(READER_PROFILES['prefixed-crlf']);
    expect(driver.profile.id).toBe('prefixed-crlf');
    await reader.present('utopia-passport');
    await expect.poll(() => reads.length).toBe(1);
    expect(reads[0]).toMatchObject({ ok: true, document: { surname: 'ERIKSSON' } });
    expect(driver.status()).toMatchObject({ device: 'online', media: 'present' });
  });
});
