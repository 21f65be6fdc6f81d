import { z } from 'zod';

export type LineTerminator = 'CR' | 'LF' | 'CRLF';

/**
 * How one reader model frames its output (data, not code). OCR/MRZ readers send the MRZ
 * as text lines; models differ in terminator, STX/ETX wrapping, configurable
 * prefix/suffix ("header/trailer") and whether they announce document placement.
 */
export interface ReaderProfile {
  id: string;
  description: string;
  baudRate: number;
  terminator: LineTerminator;
  /** Each document is wrapped in STX (0x02) … ETX (0x03); bytes outside frames are noise. */
  stxEtx: boolean;
  /** Sent before the first line / after the last one; must hold a non-MRZ character. */
  prefix: string;
  suffix: string;
  /** Silence after a line that closes an incomplete document (partial read). */
  interLineTimeoutMs: number;
  /** Whole lines some readers send on events; absent = the reader is silent about them. */
  markers?: { placed?: string; removed?: string; fault?: string };
  /** Without a 'removed' marker, media returns to notPresent this long after a read (swipe readers). */
  presenceHoldMs: number;
  /** Consecutive junk characters (no document) before hwError 'lineNoise' (wrong baud rate, bad cable). */
  noiseLimit: number;
  /** Simulator pacing between lines, as the reader's OCR emits them. */
  lineGapMs: number;
}

const MRZ_ONLY = /^[A-Z0-9<]*$/;
const affix = z
  .string()
  .max(16)
  .refine((s) => s === '' || !MRZ_ONLY.test(s), 'prefix/suffix must contain a non-MRZ character');
const markerText = z.string().min(1).max(16).refine((s) => !/[\r\n\x02\x03]/.test(s), 'marker must be one line');

/** Validates a profile coming from kiosk configuration. */
export const readerProfileSchema = z.object({
  id: z.string().min(1),
  description: z.string(),
  baudRate: z.number().int().positive(),
  terminator: z.enum(['CR', 'LF', 'CRLF']),
  stxEtx: z.boolean(),
  prefix: affix,
  suffix: affix,
  interLineTimeoutMs: z.number().int().min(20).max(10_000),
  markers: z
    .object({ placed: markerText.optional(), removed: markerText.optional(), fault: markerText.optional() })
    .optional(),
  presenceHoldMs: z.number().int().min(0).max(60_000),
  noiseLimit: z.number().int().positive(),
  lineGapMs: z.number().int().min(0).max(1_000),
});

export function parseReaderProfile(input: unknown): ReaderProfile {
  return readerProfileSchema.parse(input) as ReaderProfile;
}

const base = {
  baudRate: 9600,
  stxEtx: false,
  prefix: '',
  suffix: '',
  // A 44-character line takes ~46 ms at 9600 baud; readers emit lines back to back.
  interLineTimeoutMs: 250,
  presenceHoldMs: 1500,
  noiseLimit: 256,
  lineGapMs: 5,
} as const;

export const READER_PROFILES = {
  'generic-cr': { ...base, id: 'generic-cr', description: 'OCR swipe reader, lines end with CR', terminator: 'CR' },
  'generic-lf': { ...base, id: 'generic-lf', description: 'OCR swipe reader, lines end with LF', terminator: 'LF' },
  'generic-crlf': {
    ...base,
    id: 'generic-crlf',
    description: 'OCR swipe reader, lines end with CR LF',
    terminator: 'CRLF',
  },
  'framed-stx-etx': {
    ...base,
    id: 'framed-stx-etx',
    description: 'Reader wrapping each document in STX … ETX, lines end with CR',
    terminator: 'CR',
    stxEtx: true,
  },
  'prefixed-crlf': {
    ...base,
    id: 'prefixed-crlf',
    description: 'Reader configured with a header "ID:" and trailer "#"',
    terminator: 'CRLF',
    prefix: 'ID:',
    suffix: '#',
  },
  'page-reader': {
    ...base,
    id: 'page-reader',
    description: 'Full-page reader that announces placement, removal and faults',
    baudRate: 115200,
    terminator: 'CRLF',
    interLineTimeoutMs: 150,
    markers: { placed: '@DOC+', removed: '@DOC-', fault: '@ERR' },
  },
} as const satisfies Record<string, ReaderProfile>;

export type ReaderProfileId = keyof typeof READER_PROFILES;

export function terminatorBytes(t: LineTerminator): string {
  return t === 'CR' ? '\r' : t === 'LF' ? '\n' : '\r\n';
}
