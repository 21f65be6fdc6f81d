import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assemblerBusy,
  feedAssembler,
  flushAssembler,
  initialAssembler,
  type AssemblerEvent,
  type AssemblerState,
  type FramingRules,
} from '../../../drivers/idreader/line-assembler.ts';
import { READER_PROFILES } from '../../../drivers/idreader/profiles.ts';
import { frameDocument } from '../../../drivers/idreader/mrz-reader-simulator.ts';
import { SPECIMENS } from '../../../drivers/idreader/specimens.ts';

const TD3 = SPECIMENS['utopia-passport'].lines;
const TD1 = SPECIMENS['kw-civil-id'].lines;
const plain = READER_PROFILES['generic-crlf'];
const stx = READER_PROFILES['framed-stx-etx'];

const bytes = (s: string) => Buffer.from(s, 'latin1');

function run(rules: FramingRules, chunks: readonly (string | Uint8Array)[], flush = false) {
  let state: AssemblerState = initialAssembler();
  const events: AssemblerEvent[] = [];
  for (const c of chunks) {
    const step = feedAssembler(state, typeof c === 'string' ? bytes(c) : c, rules);
    state = step.state;
    events.push(...step.events);
  }
  if (flush) {
    const step = flushAssembler(state, rules);
    state = step.state;
    events.push(...step.events);
  }
  return { state, events };
}

const docs = (events: AssemblerEvent[]) => events.filter((e) => e.kind === 'document').map((e) => (e as { lines: string[] }).lines);

describe('line assembler', () => {
  it('CR, LF and CRLF terminated lines all assemble (hand-written bytes)', () => {
    for (const term of ['\r', '\n', '\r\n']) {
      const { events, state } = run(plain, [`${TD3[0]}${term}${TD3[1]}${term}`]);
      expect(docs(events)).toEqual([TD3]);
      expect(assemblerBusy(state)).toBe(false);
    }
  });

  it('emits a TD1 only once its third line arrives', () => {
    const a = run(plain, [`${TD1[0]}\r\n${TD1[1]}\r\n`]);
    expect(docs(a.events)).toEqual([]);
    expect(assemblerBusy(a.state)).toBe(true);
    const b = feedAssembler(a.state, bytes(`${TD1[2]}\r\n`), plain);
    expect(docs(b.events)).toEqual([TD1]);
  });

  it('a missing line becomes an incomplete group when the inter-line timer fires', () => {
    const { events } = run(plain, [`${TD1[0]}\r\n${TD1[2]}\r\n`], true);
    expect(events).toEqual([{ kind: 'incomplete', lines: [TD1[0], TD1[2]] }]);
  });

  it('an unterminated last line still counts at the timeout', () => {
    const { events } = run(plain, [`${TD3[0]}\r\n${TD3[1]}`], true);
    expect(docs(events)).toEqual([TD3]);
  });

  it('STX/ETX: bytes outside frames are noise and ETX closes a partial document', () => {
    const framed = run(stx, [`junk\x02${TD3[0]}\r${TD3[1]}\r\x03more`]);
    expect(docs(framed.events)).toEqual([TD3]);
    expect(framed.events.filter((e) => e.kind === 'noise').reduce((n, e) => n + (e as { chars: number }).chars, 0)).toBe(8);
    const partial = run(stx, [`\x02${TD1[0]}\r${TD1[1]}\r\x03`]);
    expect(partial.events).toEqual([{ kind: 'incomplete', lines: [TD1[0], TD1[1]] }]);
  });

  it('strips the configured prefix and suffix', () => {
    const { events } = run(READER_PROFILES['prefixed-crlf'], [`ID:${TD3[0]}\r\n${TD3[1]}#\r\n`]);
    expect(docs(events)).toEqual([TD3]);
  });

  it('reports markers of readers that announce placement, removal and faults', () => {
    const { events } = run(READER_PROFILES['page-reader'], ['@DOC+\r\n', `${TD3[0]}\r\n${TD3[1]}\r\n`, '@DOC-\r\n@ERR\r\n']);
    expect(events).toEqual([
      { kind: 'marker', marker: 'placed' },
      { kind: 'document', lines: [...TD3] },
      { kind: 'marker', marker: 'removed' },
      { kind: 'marker', marker: 'fault' },
    ]);
  });

  it('splits a whole MRZ sent as one line without separators', () => {
    expect(docs(run(plain, [`${TD1.join('')}\r\n`]).events)).toEqual([TD1]);
    expect(docs(run(plain, [`${TD3.join('')}\r\n`]).events)).toEqual([TD3]);
  });

  it('drops junk lines before a document as noise', () => {
    const { events } = run(plain, [`\x00\xff@@garbage\r\nOK\r\n${TD3[0]}\r\n${TD3[1]}\r\n`]);
    expect(docs(events)).toEqual([TD3]);
    expect(events.some((e) => e.kind === 'noise')).toBe(true);
  });

  it('junk alone closes as noise, never as a failed read', () => {
    const { events } = run(plain, ['hello\r\nworld'], true);
    expect(events.every((e) => e.kind === 'noise')).toBe(true);
  });

  it('bounds memory on an endless line', () => {
    const { state, events } = run(plain, ['A'.repeat(10_000)]);
    expect(state.pending.length).toBeLessThanOrEqual(128);
    expect(events.some((e) => e.kind === 'noise')).toBe(true);
  });
});

describe('line assembler properties', () => {
  const profiles = Object.values(READER_PROFILES);
  const specimens = Object.values(SPECIMENS).map((s) => s.lines);

  /** Cut a byte string into chunks at arbitrary points, as a serial driver delivers it. */
  const chunked = (wire: Buffer, cuts: number[]) => {
    const points = [...new Set(cuts.map((c) => c % (wire.length + 1)))].sort((a, b) => a - b);
    const out: Buffer[] = [];
    let last = 0;
    for (const p of [...points, wire.length]) {
      out.push(wire.subarray(last, p));
      last = p;
    }
    return out;
  };

  it('any profile, any specimen, any chunking: exactly that document comes out', () => {
    fc.assert(
      fc.property(fc.constantFrom(...profiles), fc.constantFrom(...specimens), fc.array(fc.nat(), { maxLength: 20 }), (p, lines, cuts) => {
        const wire = bytes(frameDocument(lines, p).join(''));
        const { events, state } = run(p, chunked(wire, cuts));
        expect(docs(events)).toEqual([lines]);
        expect(events.filter((e) => e.kind === 'incomplete')).toEqual([]);
        expect(assemblerBusy(state)).toBe(false);
      }),
    );
  });

  it('garbage never throws, memory stays bounded, and a later document is still found', () => {
    const looksLikeMrz = (g: Uint8Array) =>
      Buffer.from(g)
        .toString('latin1')
        .split(/[\r\n\x02\x03]/)
        .some((l) => [30, 36, 44, 72, 88, 90].includes(l.replace(/[^\x20-\x7e]/g, '').trim().length));
    fc.assert(
      fc.property(
        fc.constantFrom(...profiles),
        fc.uint8Array({ maxLength: 400 }).filter((g) => !looksLikeMrz(g)),
        fc.constantFrom(...specimens),
        (p, garbage, lines) => {
          // The timeout flush separates garbage from the next document, as the driver's timer does.
          const fed = run(p, [garbage]).state;
          expect(fed.pending.length).toBeLessThanOrEqual(128);
          expect(fed.lines.length).toBeLessThanOrEqual(6);
          const flushed = flushAssembler(fed, p);
          expect(flushed.events.filter((e) => e.kind === 'document')).toEqual([]);
          const step = feedAssembler(flushed.state, bytes(frameDocument(lines, p).join('')), p);
          expect(docs(step.events)).toEqual([lines]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('pure: feeding never mutates the previous state', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.uint8Array({ maxLength: 100 }), (a, b) => {
        const s1 = feedAssembler(initialAssembler(), a, plain).state;
        const snapshot = JSON.stringify(s1);
        feedAssembler(s1, b, plain);
        flushAssembler(s1, plain);
        expect(JSON.stringify(s1)).toBe(snapshot);
      }),
    );
  });
});
