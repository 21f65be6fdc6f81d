import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { demoPeople } from '../../main/demo-gateway/seed.ts';
import { parseMrz, SPECIMENS } from '../../drivers/idreader/index.ts';
import { DEMO_CIVIL, DEMO_CIVIL_ID_CARD } from './demo-documents.ts';

/**
 * The privacy sweep for end-to-end teardowns: every file the kiosk wrote (database with its WAL,
 * logs, receipts, caches — raw bytes, so freed SQLite pages count too) and every message it sent
 * is searched for the demo visitors' civil numbers, names and card numbers, in the encodings
 * they could be stored in. Findings name the secret by a masked label, never in full: test
 * output is a log too.
 */
export interface Secret {
  kind: 'civil number' | 'name' | 'card number' | 'document number';
  value: string;
  label: string;
}

export interface Finding {
  where: string;
  label: string;
  encoding: string;
}

const mask = (v: string) => `${'•'.repeat(Math.max(0, v.length - 4))}${v.slice(-4)}`;

/** Every personal datum the demo world contains: gateway people (KW/BH/QA), ID specimens, demo cards. */
export function demoSecrets(): Secret[] {
  const out = new Map<string, Secret>();
  const add = (kind: Secret['kind'], value: string) => {
    const v = value.trim();
    if (v.length >= 4 && !out.has(`${kind}:${v}`)) out.set(`${kind}:${v}`, { kind, value: v, label: `${kind} ${kind === 'name' ? `${v[0]}… (${v.length} chars)` : mask(v)}` });
  };
  for (const profile of ['KW', 'BH', 'QA'] as const) for (const p of demoPeople(profile)) add('civil number', p.nationalId);
  add('civil number', DEMO_CIVIL);
  for (const lines of [DEMO_CIVIL_ID_CARD, ...Object.values(SPECIMENS).map((s) => s.lines)]) {
    const r = parseMrz(lines);
    if (r.ok) {
      const d = r.document;
      if (/^\d{8,}$/.test(d.optionalData)) add('civil number', d.optionalData);
      add('document number', d.documentNumber);
      add('name', d.surname);
      add('name', d.givenNames);
      add('name', `${d.givenNames} ${d.surname}`);
    }
    // The name field as it sits on the MRZ line (with < fillers).
    for (const line of lines) for (const m of line.matchAll(/[A-Z]+(?:<[A-Z]+)*<<[A-Z]+(?:<[A-Z]+)*/g)) add('name', m[0]);
  }
  // Card numbers: the test PANs a demo or simulator could use. The terminal simulator only ever
  // sends a masked PAN; a full one anywhere on the kiosk would be a defect.
  for (const pan of ['4242424242424242', '4111111111111111', '5555555555554444', '5200828282828210', '4000056655665556', '378282246310005']) add('card number', pan);
  return [...out.values()];
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const EASTERN_ARABIC_INDIC = '۰۱۲۳۴۵۶۷۸۹';
const toDigits = (s: string, set: string) => s.replace(/\d/g, (d) => set[Number(d)]!);

/** The byte patterns a secret could be stored as: UTF-8 (any case), UTF-16LE, the profile's digits, digits with spaces. */
function patterns(s: Secret): { encoding: string; bytes: Buffer; caseless: boolean }[] {
  const p: { encoding: string; bytes: Buffer; caseless: boolean }[] = [
    { encoding: 'utf-8', bytes: Buffer.from(s.value.toLowerCase(), 'utf8'), caseless: true },
    { encoding: 'utf-16le', bytes: Buffer.from(s.value.toLowerCase(), 'utf16le'), caseless: true },
  ];
  if (/^\d+$/.test(s.value)) {
    p.push({ encoding: 'arabic-indic digits', bytes: Buffer.from(toDigits(s.value, ARABIC_INDIC), 'utf8'), caseless: false });
    p.push({ encoding: 'eastern arabic-indic digits', bytes: Buffer.from(toDigits(s.value, EASTERN_ARABIC_INDIC), 'utf8'), caseless: false });
    if (s.kind === 'card number') p.push({ encoding: 'grouped digits', bytes: Buffer.from(s.value.replace(/(\d{4})(?=\d)/g, '$1 '), 'utf8'), caseless: false });
  }
  return p;
}

/** ASCII-lowercased copy: names are found whatever their case, other bytes are untouched. */
function lowerAscii(b: Buffer): Buffer {
  const c = Buffer.from(b);
  for (let i = 0; i < c.length; i++) if (c[i]! >= 0x41 && c[i]! <= 0x5a) c[i]! += 0x20;
  return c;
}

export function scanBuffer(where: string, data: Buffer, secrets: Secret[] = demoSecrets()): Finding[] {
  const lower = lowerAscii(data);
  const found: Finding[] = [];
  for (const s of secrets) {
    for (const p of patterns(s)) {
      if ((p.caseless ? lower : data).includes(p.bytes)) {
        found.push({ where, label: s.label, encoding: p.encoding });
        break;
      }
    }
  }
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    const st = lstatSync(p);
    if (st.isSymbolicLink()) return [];
    return st.isDirectory() ? filesUnder(p) : [p];
  });
}

export interface SweepResult {
  files: string[];
  messages: number;
  findings: Finding[];
}

/**
 * Scans every file under `dirs` (minus `exclude`) and every message. Messages may be strings,
 * buffers or anything JSON-serialisable (events pushed to the screen, fleet messages…).
 */
export function privacySweep(o: { dirs: string[]; messages?: readonly unknown[]; exclude?: (path: string) => boolean; secrets?: Secret[] }): SweepResult {
  const secrets = o.secrets ?? demoSecrets();
  const files = o.dirs.flatMap((d) => filesUnder(d).filter((f) => !o.exclude?.(f)));
  const findings: Finding[] = [];
  for (const f of files) findings.push(...scanBuffer(relative(process.cwd(), f), readFileSync(f), secrets));
  (o.messages ?? []).forEach((m, i) => {
    const data = Buffer.isBuffer(m) ? m : m instanceof Uint8Array ? Buffer.from(m) : Buffer.from(typeof m === 'string' ? m : JSON.stringify(m) ?? '', 'utf8');
    findings.push(...scanBuffer(`message #${i}`, data, secrets));
  });
  return { files, messages: o.messages?.length ?? 0, findings };
}
