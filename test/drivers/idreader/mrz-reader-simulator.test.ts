import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLink } from '../../../drivers/transport/memory-link.ts';
import { MrzReaderSimulator, applyFault, frameDocument } from '../../../drivers/idreader/mrz-reader-simulator.ts';
import { READER_PROFILES, type ReaderProfile } from '../../../drivers/idreader/profiles.ts';
import { SPECIMENS } from '../../../drivers/idreader/specimens.ts';
import { parseMrz } from '../../../drivers/idreader/mrz-parser.ts';

const TD3 = SPECIMENS['utopia-passport'].lines;

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers) await c();
  closers = [];
});

/** The bytes the simulator puts on the wire, captured at the host end. */
async function capture(run: (sim: MrzReaderSimulator) => Promise<void>, profile: ReaderProfile = READER_PROFILES['generic-crlf']) {
  const [host, device] = createMemoryLink();
  closers.push(() => host.close());
  const got: Buffer[] = [];
  host.onData((c) => got.push(c));
  await run(new MrzReaderSimulator(device, { profile }));
  await new Promise((r) => setTimeout(r, 0));
  return Buffer.concat(got).toString('latin1');
}

describe('MrzReaderSimulator', () => {
  it('frames per profile: terminator, STX/ETX, prefix/suffix, placement marker', async () => {
    const doc = `${TD3[0]}\r\n${TD3[1]}\r\n`;
    expect(await capture((s) => s.present('utopia-passport'))).toBe(doc);
    expect(await capture((s) => s.present('utopia-passport'), READER_PROFILES['generic-cr'])).toBe(`${TD3[0]}\r${TD3[1]}\r`);
    expect(await capture((s) => s.present('utopia-passport'), READER_PROFILES['generic-lf'])).toBe(`${TD3[0]}\n${TD3[1]}\n`);
    expect(await capture((s) => s.present('utopia-passport'), READER_PROFILES['framed-stx-etx'])).toBe(
      `\x02${TD3[0]}\r${TD3[1]}\r\x03`,
    );
    expect(await capture((s) => s.present('utopia-passport'), READER_PROFILES['prefixed-crlf'])).toBe(
      `ID:${TD3[0]}\r\n${TD3[1]}#\r\n`,
    );
    expect(await capture((s) => s.present('utopia-passport'), READER_PROFILES['page-reader'])).toBe(`@DOC+\r\n${doc}`);
  });

  it('remove() and reportFault() speak only on readers that can', async () => {
    expect(await capture(async (s) => (await s.remove(), s.reportFault()))).toBe('');
    expect(await capture(async (s) => (await s.remove(), s.reportFault()), READER_PROFILES['page-reader'])).toBe('@DOC-\r\n@ERR\r\n');
  });

  it('faults: garbled line fails a check, missing line drops one, noise line is not MRZ', () => {
    const lines = SPECIMENS['kw-civil-id'].lines;
    const garbled = applyFault(lines, { kind: 'garbledLine' });
    expect(garbled.map((l) => l.length)).toEqual([30, 30, 30]);
    expect(garbled[1]).not.toBe(lines[1]);
    const r = parseMrz(garbled);
    expect(!r.ok && r.error.code).toBe('badCheckDigit');
    expect(applyFault(lines, { kind: 'missingLine' })).toEqual([lines[0], lines[1]]);
    expect(applyFault(lines, { kind: 'missingLine', line: 0 })).toEqual([lines[1], lines[2]]);
    expect(applyFault(lines, { kind: 'noiseLine' })[1]).toMatch(/[^A-Z0-9<]/);
  });

  it('frameDocument gives one chunk per line (plus the marker)', () => {
    expect(frameDocument(TD3, READER_PROFILES['page-reader'])).toHaveLength(3);
    expect(frameDocument(SPECIMENS['kw-civil-id'].lines, READER_PROFILES['generic-cr'])).toHaveLength(3);
  });

  it('rejects unknown specimens and writes after disconnect', async () => {
    const [host, device] = createMemoryLink();
    closers.push(() => host.close());
    const sim = new MrzReaderSimulator(device);
    await expect(sim.present('nope' as never)).rejects.toThrow(/unknown specimen/);
    await sim.disconnect();
    expect(host.isOpen).toBe(false);
    await expect(sim.present('utopia-td2')).rejects.toThrow();
  });
});
