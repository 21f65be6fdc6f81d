import type { Transport } from '../transport/transport.ts';
import { READER_PROFILES, terminatorBytes, type ReaderProfile } from './profiles.ts';
import { SPECIMENS, type SpecimenId } from './specimens.ts';

/**
 * Faults a reader shows in the field: an OCR misread inside a line (garbledLine), a line
 * that never arrives (missingLine), a line replaced by electrical noise (noiseLine).
 * Link loss is `disconnect()`.
 */
export type SimulatedFault =
  | { kind: 'garbledLine'; line?: number }
  | { kind: 'missingLine'; line?: number }
  | { kind: 'noiseLine'; line?: number };

export interface MrzReaderSimulatorOptions {
  /** Defaults to READER_PROFILES['generic-crlf']; must match the driver's. */
  profile?: ReaderProfile;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** Changes the first digit of the line to another digit: detectable by every 7-3-1 check. */
function garble(line: string): string {
  const i = line.search(/[0-9]/);
  if (i === -1) return line.replace(/^./, (c) => (c === 'X' ? 'Y' : 'X'));
  return line.slice(0, i) + String((Number(line[i]) + 3) % 10) + line.slice(i + 1);
}

/** The lines a faulty read produces (pure). Default target: last line for missingLine, else line 2. */
export function applyFault(lines: readonly string[], fault?: SimulatedFault): string[] {
  if (!fault) return [...lines];
  const target = fault.line ?? (fault.kind === 'missingLine' ? lines.length - 1 : 1);
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (i !== target) return void out.push(line);
    if (fault.kind === 'garbledLine') out.push(garble(line));
    if (fault.kind === 'noiseLine') out.push('\x7f#%&\x15\x1a!?' + '\xff'.repeat(Math.max(0, line.length - 8)));
  });
  return out;
}

/**
 * How the reader model puts one document on the wire (pure): one latin1 chunk per line,
 * with the placement marker, STX/ETX and prefix/suffix where the profile has them.
 */
export function frameDocument(lines: readonly string[], p: ReaderProfile): string[] {
  const term = terminatorBytes(p.terminator);
  const chunks = p.markers?.placed ? [p.markers.placed + term] : [];
  lines.forEach((line, i) => {
    const first = i === 0 ? (p.stxEtx ? '\x02' : '') + p.prefix : '';
    const last = i === lines.length - 1;
    chunks.push(first + line + (last ? p.suffix : '') + term + (last && p.stxEtx ? '\x03' : ''));
  });
  return chunks;
}

/** The reader side of the serial line: writes documents as the chosen reader model frames them. */
export class MrzReaderSimulator {
  readonly profile: ReaderProfile;
  readonly #transport: Transport;

  constructor(transport: Transport, options: MrzReaderSimulatorOptions = {}) {
    this.#transport = transport;
    this.profile = options.profile ?? READER_PROFILES['generic-crlf'];
  }

  /** Presents a specimen document, optionally with a fault. */
  present(id: SpecimenId, fault?: SimulatedFault): Promise<void> {
    const specimen = SPECIMENS[id];
    if (!specimen) return Promise.reject(new Error(`unknown specimen ${String(id)}`));
    return this.presentLines(specimen.lines, fault);
  }

  /** Presents arbitrary MRZ lines (any text), framed per profile, paced by profile.lineGapMs. */
  async presentLines(lines: readonly string[], fault?: SimulatedFault): Promise<void> {
    const chunks = frameDocument(applyFault(lines, fault), this.profile);
    for (const [i, chunk] of chunks.entries()) {
      if (i > 0 && this.profile.lineGapMs > 0) await sleep(this.profile.lineGapMs);
      await this.#send(chunk);
    }
  }

  /** The visitor takes the document (only readers with a removal marker say so). */
  async remove(): Promise<void> {
    const removed = this.profile.markers?.removed;
    if (removed) await this.#send(removed + terminatorBytes(this.profile.terminator));
  }

  /** Reports a reader fault (e.g. lamp or sensor failure) on readers that can. */
  async reportFault(): Promise<void> {
    const fault = this.profile.markers?.fault;
    if (fault) await this.#send(fault + terminatorBytes(this.profile.terminator));
  }

  /** Raw bytes, e.g. line noise or a wrong-baud-rate stream. */
  sendNoise(bytes: Uint8Array): Promise<void> {
    return this.#transport.write(bytes);
  }

  /** Unplugs the reader: closes the device end of the link. */
  disconnect(): Promise<void> {
    return this.#transport.close();
  }

  #send(text: string): Promise<void> {
    return this.#transport.write(latin1(text));
  }
}
