import { describe, expect, it } from 'vitest';
import { READER_PROFILES, parseReaderProfile, terminatorBytes } from '../../../drivers/idreader/profiles.ts';

describe('reader profiles', () => {
  it('every built-in profile satisfies the configuration schema', () => {
    for (const p of Object.values(READER_PROFILES)) expect(parseReaderProfile(p)).toEqual(p);
  });

  it('rejects affixes that could be mistaken for MRZ text, and multi-line markers', () => {
    const base = READER_PROFILES['generic-crlf'];
    expect(() => parseReaderProfile({ ...base, prefix: 'MRZ' })).toThrow(/non-MRZ/);
    expect(() => parseReaderProfile({ ...base, suffix: '<<' })).toThrow(/non-MRZ/);
    expect(() => parseReaderProfile({ ...base, markers: { placed: 'A\r\nB' } })).toThrow(/one line/);
    expect(() => parseReaderProfile({ ...base, terminator: 'NUL' })).toThrow();
    expect(() => parseReaderProfile({ ...base, interLineTimeoutMs: 5 })).toThrow();
    expect(parseReaderProfile({ ...base, id: 'site-x', prefix: '\x1b', suffix: '#' }).prefix).toBe('\x1b');
  });

  it('maps terminators to bytes', () => {
    expect([terminatorBytes('CR'), terminatorBytes('LF'), terminatorBytes('CRLF')]).toEqual(['\r', '\n', '\r\n']);
  });
});
