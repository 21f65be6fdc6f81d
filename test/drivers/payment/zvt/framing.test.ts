import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameDecoder, encodeFrame, type DecoderEvent } from '../../../../drivers/payment/zvt/framing.ts';
import { bytes, hex } from './hex.ts';

const frames = (evs: DecoderEvent[]): string[] =>
  evs.flatMap((e) => (e.type === 'frame' ? [hex(e.message)] : []));

describe('encodeFrame', () => {
  it('doubles DLE inside the message, not in the CRC (ecrterm capture of an amount containing 0x10)', () => {
    // Message 06 01 0A 04 00 00 00 01 10 00 49 09 78: the 0x10 is sent as 10 10.
    expect(hex(encodeFrame(bytes('06 01 0A 04 00 00 00 01 10 00 49 09 78')))).toBe(
      '10 02 06 01 0A 04 00 00 00 01 10 10 00 49 09 78 10 03 F2 FF',
    );
  });
});

describe('FrameDecoder', () => {
  it('decodes a frame fed one byte at a time, and ACK/NAK between frames', () => {
    const d = new FrameDecoder();
    const wire = [0x06, ...encodeFrame(bytes('80 00 00')), 0x15];
    const evs = wire.flatMap((b) => d.push([b]));
    expect(evs.map((e) => e.type)).toEqual(['ack', 'frame', 'nak']);
    expect(frames(evs)).toEqual(['80 00 00']);
  });

  it('reports a bad CRC and decodes the next good frame', () => {
    const d = new FrameDecoder();
    const bad = encodeFrame(bytes('04 FF 01 0A'));
    bad[bad.length - 1]! ^= 0x01;
    const evs = d.push([...bad, ...encodeFrame(bytes('06 0F 00'))]);
    expect(evs[0]).toEqual({ type: 'badFrame', kind: 'crc', replay: false });
    expect(frames(evs)).toEqual(['06 0F 00']);
  });

  it('finds a frame whose DLE STX was swallowed by a stray DLE inside a broken frame', () => {
    const d = new FrameDecoder();
    // Garbage "10 02 41 10" leaves the decoder mid-frame expecting an escape; the real frame's
    // DLE is then read as an escaped data byte. Re-scanning the failed attempt recovers it.
    const evs = d.push([...bytes('10 02 41 10'), ...encodeFrame(bytes('80 00 00'))]);
    expect(frames(evs)).toEqual(['80 00 00']);
  });

  it('treats DLE STX inside a frame as the start of a new frame', () => {
    const d = new FrameDecoder();
    const evs = d.push([...bytes('10 02 06 01'), ...encodeFrame(bytes('06 B0 00'))]);
    expect(evs.map((e) => e.type)).toEqual(['badFrame', 'frame']);
    expect(frames(evs)).toEqual(['06 B0 00']);
  });

  it('drops attempts longer than the limit', () => {
    const d = new FrameDecoder({ maxMessageLength: 16 });
    const evs = d.push(encodeFrame(new Uint8Array(40)));
    expect(evs.some((e) => e.type === 'badFrame' && e.kind === 'tooLong')).toBe(true);
    expect(frames(evs)).toEqual([]);
    expect(frames(d.push(encodeFrame(bytes('80 00 00'))))).toEqual(['80 00 00']);
  });
});

describe('FrameDecoder under fuzzing', () => {
  const message = fc.uint8Array({ minLength: 0, maxLength: 300 });
  const garbage = fc.uint8Array({ minLength: 0, maxLength: 200 });
  /** Garbage rich in the bytes that matter to the framing. */
  const dleGarbage = fc.array(fc.constantFrom(0x10, 0x02, 0x03, 0x06, 0x15, 0x00, 0xff), { maxLength: 60 });

  it('never throws and never emits anything but its event types on random bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 20 }), (chunks) => {
        const d = new FrameDecoder({ maxMessageLength: 256 });
        for (const c of chunks) {
          for (const e of d.push(c)) expect(['frame', 'ack', 'nak', 'badFrame']).toContain(e.type);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('decodes any message whatever the chunking', () => {
    fc.assert(
      fc.property(message, fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 50 }), (m, cuts) => {
        const wire = encodeFrame(m);
        const d = new FrameDecoder();
        const evs: DecoderEvent[] = [];
        let o = 0;
        for (let i = 0; o < wire.length; i++) {
          const n = cuts[i % cuts.length]!;
          evs.push(...d.push(wire.subarray(o, o + n)));
          o += n;
        }
        expect(frames(evs)).toEqual([hex(m)]);
      }),
      { numRuns: 300 },
    );
  });

  it('resynchronises on the next good frame after random garbage, truncated frames or DLE runs', () => {
    const prefix = fc.oneof(
      garbage,
      dleGarbage.map((a) => Uint8Array.from(a)),
      // A truncated frame: a real frame cut short.
      fc.tuple(message, fc.nat()).map(([m, n]) => {
        const f = encodeFrame(m);
        return f.subarray(0, n % f.length);
      }),
      // A frame with a corrupted byte (bad CRC or broken escape).
      fc.tuple(message, fc.nat(), fc.integer({ min: 1, max: 255 })).map(([m, i, x]) => {
        const f = Uint8Array.from(encodeFrame(m));
        f[i % f.length]! ^= x;
        return f;
      }),
    );
    fc.assert(
      fc.property(fc.array(prefix, { maxLength: 4 }), message, (junk, m) => {
        const d = new FrameDecoder();
        for (const j of junk) d.push(j);
        const got = frames(d.push(encodeFrame(m)));
        if (!got.includes(hex(m))) {
          // Only possible when the garbage ended in a CRC-valid frame by chance (1 in 65536),
          // which swallowed the first byte(s) of the good one; the frame after it must then pass.
          expect(got.length).toBeGreaterThan(0);
          expect(frames(d.push(encodeFrame(m)))).toEqual([hex(m)]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
