import type { ReaderProfile } from './profiles.ts';

/**
 * Pure framing: bytes in, whole MRZ documents out. The driver owns the inter-line timer
 * and calls flushAssembler when it fires. Garbage never throws and never grows memory.
 */
export interface AssemblerState {
  /** Characters (latin1) received since the last line end. */
  readonly pending: string;
  readonly inFrame: boolean;
  /** Cleaned lines of the document being assembled. */
  readonly lines: readonly string[];
}

export type AssemblerEvent =
  | { kind: 'document'; lines: string[] }
  /** A group closed (timeout or ETX) without forming a whole MRZ: a partial or damaged read. */
  | { kind: 'incomplete'; lines: string[] }
  | { kind: 'marker'; marker: 'placed' | 'removed' | 'fault' }
  | { kind: 'noise'; chars: number };

export type FramingRules = Pick<ReaderProfile, 'stxEtx' | 'prefix' | 'suffix' | 'markers'>;

export interface AssemblerStep {
  state: AssemblerState;
  events: AssemblerEvent[];
}

const STX = 0x02;
const ETX = 0x03;
const CR = 0x0d;
const LF = 0x0a;
/** Longest line we keep: a concatenated TD1 (3 × 30) plus room for prefix/suffix. */
const MAX_PENDING = 128;
const MAX_LINES = 6;
const MRZ_LENGTHS = new Set([30, 36, 44]);
/** Readers that emit the whole MRZ as one line without separators. */
const CONCATENATED: Readonly<Record<number, number>> = { 90: 30, 72: 36, 88: 44 };

export const initialAssembler = (): AssemblerState => ({ pending: '', inFrame: false, lines: [] });

class Step {
  pending: string;
  inFrame: boolean;
  lines: string[];
  events: AssemblerEvent[] = [];
  noise = 0;

  constructor(
    s: AssemblerState,
    readonly rules: FramingRules,
  ) {
    this.pending = s.pending;
    this.inFrame = s.inFrame;
    this.lines = [...s.lines];
  }

  addNoise(chars: number): void {
    if (chars <= 0) return;
    const last = this.events[this.events.length - 1];
    if (last?.kind === 'noise') last.chars += chars;
    else this.events.push({ kind: 'noise', chars });
  }

  byte(b: number): void {
    if (this.rules.stxEtx) {
      if (b === STX) {
        this.addNoise(this.pending.length);
        this.pending = '';
        this.closeGroup();
        this.inFrame = true;
        return;
      }
      if (b === ETX) {
        if (!this.inFrame) return this.addNoise(1);
        this.endLine();
        this.closeGroup();
        this.inFrame = false;
        return;
      }
      if (!this.inFrame) return this.addNoise(1);
    }
    if (b === CR || b === LF) return this.endLine();
    this.pending += String.fromCharCode(b);
    if (this.pending.length > MAX_PENDING) {
      this.addNoise(this.pending.length);
      this.pending = '';
    }
  }

  /** Terminators are accepted in any combination: MRZ text never holds CR or LF. */
  endLine(): void {
    const raw = this.pending;
    this.pending = '';
    let text = raw;
    const { prefix, suffix, markers } = this.rules;
    if (prefix && text.startsWith(prefix)) text = text.slice(prefix.length);
    if (suffix && text.endsWith(suffix)) text = text.slice(0, -suffix.length);
    // Control and 8-bit bytes are line noise, never MRZ characters.
    text = text.replace(/[^\x20-\x7e]/g, '').trim();
    if (text === '') return this.addNoise(raw.length);
    if (markers) {
      const hit = (['placed', 'removed', 'fault'] as const).find((m) => markers[m] === text);
      if (hit) {
        this.events.push({ kind: 'marker', marker: hit });
        return;
      }
    }
    const part = CONCATENATED[text.length];
    if (part) for (let i = 0; i < text.length; i += part) this.push(text.slice(i, i + part));
    else this.push(text);
  }

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > MAX_LINES) this.addNoise(this.lines.shift()?.length ?? 0);
    const n = this.lines.length;
    const len = (i: number) => this.lines[n - i]?.length ?? 0;
    let take = 0;
    if (n >= 3 && len(1) === 30 && len(2) === 30 && len(3) === 30) take = 3;
    else if (n >= 2 && (len(1) === 36 || len(1) === 44) && len(1) === len(2)) take = 2;
    if (take === 0) return;
    const junk = this.lines.slice(0, n - take);
    this.addNoise(junk.reduce((a, l) => a + l.length, 0));
    this.events.push({ kind: 'document', lines: this.lines.slice(n - take) });
    this.lines = [];
  }

  closeGroup(): void {
    const lines = this.lines;
    this.lines = [];
    if (lines.length === 0) return;
    if (lines.some((l) => MRZ_LENGTHS.has(l.length))) this.events.push({ kind: 'incomplete', lines });
    else this.addNoise(lines.reduce((a, l) => a + l.length, 0));
  }

  result(): AssemblerStep {
    return { state: { pending: this.pending, inFrame: this.inFrame, lines: this.lines }, events: this.events };
  }
}

export function feedAssembler(state: AssemblerState, chunk: Uint8Array, rules: FramingRules): AssemblerStep {
  const step = new Step(state, rules);
  for (const b of chunk) step.byte(b);
  return step.result();
}

/** Inter-line timeout: an unterminated last line counts, then the group closes. */
export function flushAssembler(state: AssemblerState, rules: FramingRules): AssemblerStep {
  const step = new Step(state, rules);
  if (step.pending !== '' && (!rules.stxEtx || step.inFrame)) step.endLine();
  else step.addNoise(step.pending.length);
  step.pending = '';
  step.inFrame = false;
  step.closeGroup();
  return step.result();
}

/** Whether the assembler holds anything a timeout should close. */
export const assemblerBusy = (s: AssemblerState): boolean => s.pending !== '' || s.lines.length > 0 || s.inFrame;
