import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSerialTransport } from '../../../drivers/transport/serial-transport.ts';
import type { Transport } from '../../../drivers/transport/transport.ts';
import { MrzReaderDriver } from '../../../drivers/idreader/mrz-reader-driver.ts';
import { MrzReaderSimulator } from '../../../drivers/idreader/mrz-reader-simulator.ts';
import { READER_PROFILES, type ReaderProfile } from '../../../drivers/idreader/profiles.ts';
import { SPECIMENS, SPECIMEN_IDS } from '../../../drivers/idreader/specimens.ts';
import type { ReadResult } from '../../../drivers/idreader/reader.ts';
import { isDocumentExpired, nationalIdFromDocument } from '../../../main/identity/index.ts';
import { createPtyPair, type PtyPair } from '../../support/pty-pair.ts';

const TODAY = new Date('2026-11-22T10:00:00Z');

interface Rig {
  pair: PtyPair;
  host: Transport;
  device: Transport;
  driver: MrzReaderDriver;
  sim: MrzReaderSimulator;
}

/** Real pseudo-terminals: both ends opened through node-serialport, as hardware would be. */
async function openRig(profile: ReaderProfile): Promise<Rig> {
  const pair = await createPtyPair('idreader');
  const host = await openSerialTransport({ path: pair.hostPath, baudRate: profile.baudRate });
  const device = await openSerialTransport({ path: pair.devicePath, baudRate: profile.baudRate });
  return { pair, host, device, driver: new MrzReaderDriver(host, { profile }), sim: new MrzReaderSimulator(device, { profile }) };
}

async function closeRig(r: Rig | undefined): Promise<void> {
  if (!r) return;
  await r.driver.close();
  await r.device.close();
  await r.pair.close();
}

function nextRead(driver: MrzReaderDriver, ms = 3000): Promise<ReadResult> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (off(), reject(new Error('no read'))), ms);
    const off = driver.onRead((r) => (clearTimeout(timer), off(), resolve(r)));
  });
}

for (const profileId of ['generic-crlf', 'framed-stx-etx'] as const) {
  describe(`driver vs simulator over a pty pair (${profileId})`, () => {
    let rig: Rig | undefined;
    beforeAll(async () => {
      rig = await openRig(READER_PROFILES[profileId]);
    });
    afterAll(() => closeRig(rig));

    for (const id of SPECIMEN_IDS) {
      it(`reads ${id}`, async () => {
        if (!rig) throw new Error('rig');
        const s = SPECIMENS[id];
        const read = nextRead(rig.driver);
        await rig.sim.present(id);
        const r = await read;
        if (s.expect.read === 'ok' || s.expect.read === 'corrected') {
          if (!r.ok) throw new Error(r.error.message);
          expect(r.corrected).toBe(s.expect.read === 'corrected');
          expect(isDocumentExpired(r.document, TODAY)).toBe(s.expect.expired);
          if (s.expect.nationalId) {
            const nid = nationalIdFromDocument(s.expect.nationalId.profile, r.document, { today: TODAY });
            expect(nid.ok && nid.id).toBe(s.expect.nationalId.valid && s.expect.nationalId.id);
          }
        } else {
          expect(!r.ok && [r.error.code, r.error.field]).toEqual([s.expect.read, s.expect.field]);
        }
        expect(rig.driver.status()).toMatchObject({ device: 'online', media: 'present' });
      });
    }

    it('fault: garbled line → badCheckDigit', async () => {
      if (!rig) throw new Error('rig');
      const read = nextRead(rig.driver);
      await rig.sim.present('kw-passport', { kind: 'garbledLine' });
      const r = await read;
      expect(!r.ok && r.error.code).toBe('badCheckDigit');
    });

    it('fault: partial read (a line missing) → badLength after the inter-line timeout', async () => {
      if (!rig) throw new Error('rig');
      const read = nextRead(rig.driver);
      await rig.sim.present('kw-civil-id', { kind: 'missingLine', line: 1 });
      const r = await read;
      expect(!r.ok && r.error.code).toBe('badLength');
    });

    it('fault: noise instead of a line → a failed read, then the next document reads fine', async () => {
      if (!rig) throw new Error('rig');
      const bad = nextRead(rig.driver);
      await rig.sim.present('qa-id', { kind: 'noiseLine' });
      expect((await bad).ok).toBe(false);
      const good = nextRead(rig.driver);
      await rig.sim.present('qa-id');
      expect((await good).ok).toBe(true);
    });
  });
}

describe('cable pulled (socat link killed)', () => {
  it('the driver reports offline / linkLost', async () => {
    const rig = await openRig(READER_PROFILES['generic-cr']);
    try {
      const read = nextRead(rig.driver);
      await rig.sim.present('utopia-td2');
      expect((await read).ok).toBe(true);
      const offline = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('driver never went offline')), 3000);
        rig.driver.onStatus((s) => s.device === 'offline' && (clearTimeout(timer), resolve()));
      });
      // Let the host's read loop go idle (poller armed) first: a pty hung up while a read is in
      // flight returns 0-byte reads that serialport's bindings retry forever, so no close event.
      // A real USB-serial unplug fails the read with ENXIO instead.
      await new Promise((r) => setTimeout(r, 100));
      await rig.pair.close();
      await offline;
      expect(rig.driver.status()).toMatchObject({ device: 'offline', detail: 'linkLost' });
    } finally {
      await rig.driver.close();
      await rig.device.close();
      await rig.pair.close();
    }
  });
});
