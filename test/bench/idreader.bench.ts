import type { BenchRow } from './bench-types.ts';
import { median, now } from './kit.ts';
import { createMemoryLink } from '../../drivers/transport/memory-link.ts';
import { parseMrz } from '../../drivers/idreader/mrz-parser.ts';
import { feedAssembler, initialAssembler } from '../../drivers/idreader/line-assembler.ts';
import { MrzReaderDriver } from '../../drivers/idreader/mrz-reader-driver.ts';
import { MrzReaderSimulator, frameDocument } from '../../drivers/idreader/mrz-reader-simulator.ts';
import { READER_PROFILES } from '../../drivers/idreader/profiles.ts';
import { SPECIMENS } from '../../drivers/idreader/specimens.ts';
import { validateNationalId } from '../../main/identity/national-id.ts';
import { makeKuwaitCivilNumber } from '../../drivers/idreader/civil-number.ts';
import type { ReadResult } from '../../drivers/idreader/reader.ts';

function perOp(n: number, fn: (i: number) => void): number {
  for (let i = 0; i < Math.min(n, 200); i++) fn(i); // warm-up
  const t0 = now();
  for (let i = 0; i < n; i++) fn(i);
  return ((now() - t0) * 1000) / n;
}

/** Time from the reader's first byte to the driver's onRead, at the reader's real baud rate. */
async function endToEndMs(specimen: keyof typeof SPECIMENS, runs: number): Promise<number> {
  const profile = READER_PROFILES['generic-crlf'];
  const [host, device] = createMemoryLink({ baudRate: profile.baudRate, name: 'bench' });
  const driver = new MrzReaderDriver(host, { profile });
  const sim = new MrzReaderSimulator(device, { profile });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const got = new Promise<ReadResult>((resolve) => {
      const off = driver.onRead((r) => (off(), resolve(r)));
    });
    const t0 = now();
    await sim.present(specimen);
    const r = await got;
    if (!r.ok) throw new Error('bench read failed');
    times.push(now() - t0);
  }
  await driver.close();
  return median(times);
}

export default async function idreaderBench(): Promise<BenchRow[]> {
  const td3 = SPECIMENS['kw-passport'].lines;
  const td1 = SPECIMENS['kw-civil-id'].lines;
  const confused = SPECIMENS['kw-civil-id-ocr-confused'].lines;
  const parseTd3 = perOp(20_000, () => void parseMrz(td3));
  const parseTd1 = perOp(20_000, () => void parseMrz(td1));
  const parseFix = perOp(20_000, () => void parseMrz(confused));
  const wire = Buffer.from(frameDocument(td1, READER_PROFILES['framed-stx-etx']).join(''), 'latin1');
  const assemble = perOp(20_000, () => void feedAssembler(initialAssembler(), wire, READER_PROFILES['framed-stx-etx']));
  const civil = makeKuwaitCivilNumber('1985-03-14', 1234);
  const nid = perOp(50_000, () => void validateNationalId('KW', civil));
  const e2eTd3 = await endToEndMs('kw-passport', 5);
  const e2eTd1 = await endToEndMs('kw-civil-id', 5);
  return [
    { name: 'idreader: parse TD3 (all check digits)', value: +parseTd3.toFixed(2), unit: 'µs/doc', goal: '<= 100 µs', met: parseTd3 <= 100, kind: 'measured' },
    { name: 'idreader: parse TD1', value: +parseTd1.toFixed(2), unit: 'µs/doc', goal: '<= 100 µs', met: parseTd1 <= 100, kind: 'measured' },
    { name: 'idreader: parse TD1 with OCR repair', value: +parseFix.toFixed(2), unit: 'µs/doc', goal: '<= 200 µs', met: parseFix <= 200, kind: 'measured' },
    { name: 'idreader: assemble framed TD1 (96 bytes)', value: +assemble.toFixed(2), unit: 'µs/doc', goal: 'report', met: null, kind: 'measured' },
    { name: 'identity: validate KW civil number', value: +nid.toFixed(3), unit: 'µs', goal: 'report', met: null, kind: 'measured' },
    // Wire time dominates: 2 × 46 bytes at 9600 baud ≈ 96 ms; goal leaves room for the driver.
    { name: 'idreader: TD3 end-to-end at 9600 baud (median)', value: +e2eTd3.toFixed(1), unit: 'ms', goal: '<= 150 ms', met: e2eTd3 <= 150, kind: 'measured' },
    { name: 'idreader: TD1 end-to-end at 9600 baud (median)', value: +e2eTd1.toFixed(1), unit: 'ms', goal: '<= 150 ms', met: e2eTd1 <= 150, kind: 'measured' },
  ];
}
