import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLink } from '../../../drivers/transport/memory-link.ts';
import type { Transport } from '../../../drivers/transport/transport.ts';
import type { DeviceStatus } from '../../../drivers/status.ts';
import { MrzReaderDriver } from '../../../drivers/idreader/mrz-reader-driver.ts';
import { MrzReaderSimulator } from '../../../drivers/idreader/mrz-reader-simulator.ts';
import { READER_PROFILES, type ReaderProfile } from '../../../drivers/idreader/profiles.ts';
import { SPECIMENS } from '../../../drivers/idreader/specimens.ts';
import type { ReadResult } from '../../../drivers/idreader/reader.ts';

const fast = (p: ReaderProfile): ReaderProfile => ({ ...p, interLineTimeoutMs: 60, presenceHoldMs: 80, lineGapMs: 1 });

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

function rig(profile: ReaderProfile = fast(READER_PROFILES['generic-crlf'])) {
  const [host, device] = createMemoryLink({ name: 'idreader' });
  const driver = new MrzReaderDriver(host, { profile });
  const sim = new MrzReaderSimulator(device, { profile });
  const reads: ReadResult[] = [];
  const statuses: DeviceStatus[] = [];
  driver.onRead((r) => reads.push(r));
  driver.onStatus((s) => statuses.push(s));
  cleanups.push(() => driver.close());
  return { driver, sim, reads, statuses, device };
}

async function until(cond: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('MrzReaderDriver over an in-process link', () => {
  it('starts online with no document and reads a passport', async () => {
    const { driver, sim, reads } = rig();
    expect(driver.status()).toEqual({ device: 'online', media: 'notPresent' });
    await sim.present('utopia-passport');
    await until(() => reads.length === 1);
    expect(reads[0]?.ok && reads[0].document.surname).toBe('ERIKSSON');
    expect(driver.status().media).toBe('present');
  });

  it('assembles bytes arriving one at a time', async () => {
    const { reads, device } = rig();
    const wire = Buffer.from(SPECIMENS['kw-civil-id'].lines.join('\r\n') + '\r\n', 'latin1');
    for (const b of wire) await device.write(Uint8Array.of(b));
    await until(() => reads.length === 1);
    expect(reads[0]?.ok && reads[0].document.optionalData).toBe(SPECIMENS['kw-civil-id'].lines[0]?.slice(15).replace(/<+$/, ''));
  });

  it('a swipe reader document is taken after presenceHoldMs', async () => {
    const { sim, statuses } = rig();
    await sim.present('utopia-td1');
    await until(() => statuses.some((s) => s.media === 'present'));
    await until(() => statuses.at(-1)?.media === 'notPresent');
  });

  it('partial read: the inter-line timeout reports badLength', async () => {
    const { sim, reads } = rig();
    await sim.present('bh-id', { kind: 'missingLine' });
    await until(() => reads.length === 1);
    expect(!reads[0]?.ok && reads[0]?.error.code).toBe('badLength');
  });

  it('garbled line: the failing check digit is named', async () => {
    const { sim, reads } = rig();
    await sim.present('utopia-td1', { kind: 'garbledLine' });
    await until(() => reads.length === 1);
    expect(!reads[0]?.ok && [reads[0]?.error.code, reads[0]?.error.field]).toEqual(['badCheckDigit', 'birthDate']);
  });

  it('line noise drives hwError, and a good read recovers', async () => {
    const profile = { ...fast(READER_PROFILES['generic-crlf']), noiseLimit: 64 };
    const { driver, sim, reads } = rig(profile);
    await sim.sendNoise(Buffer.from('\xfe\x00\x11'.repeat(40) + '\r\n', 'latin1'));
    await until(() => driver.status().device === 'hwError');
    expect(driver.status().detail).toBe('lineNoise');
    expect(reads).toEqual([]);
    await sim.present('qa-id');
    await until(() => reads.length === 1);
    expect(driver.status().device).toBe('online');
  });

  it('page reader: placement, removal and fault markers drive the status', async () => {
    const { driver, sim, reads } = rig(fast(READER_PROFILES['page-reader']));
    await sim.present('kw-passport');
    await until(() => reads.length === 1);
    expect(driver.status().media).toBe('present');
    await new Promise((r) => setTimeout(r, 120)); // longer than presenceHoldMs: no auto-removal
    expect(driver.status().media).toBe('present');
    await sim.remove();
    await until(() => driver.status().media === 'notPresent');
    await sim.reportFault();
    await until(() => driver.status().device === 'hwError');
    expect(driver.status().detail).toBe('readerFault');
  });

  it('goes offline when the reader disconnects, and close() is safe afterwards', async () => {
    const { driver, sim } = rig();
    await sim.disconnect();
    await until(() => driver.status().device === 'offline');
    expect(driver.status().detail).toBe('linkLost');
    await driver.close();
  });

  it('close() stops timers and listeners mid-document', async () => {
    const { driver, sim, reads, statuses } = rig();
    await sim.presentLines(SPECIMENS['kw-civil-id'].lines.slice(0, 2));
    await driver.close();
    expect(driver.status()).toMatchObject({ device: 'offline' });
    const count = statuses.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(reads).toEqual([]);
    expect(statuses.length).toBe(count);
  });

  it('a driver built over a closed transport reports offline', async () => {
    const [host, device] = createMemoryLink();
    await device.close();
    const driver = new MrzReaderDriver(host as Transport);
    expect(driver.status().device).toBe('offline');
    await driver.close();
  });
});
