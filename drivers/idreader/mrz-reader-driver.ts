import type { DeviceStatus } from '../status.ts';
import { Listeners } from '../transport/listeners.ts';
import type { Transport } from '../transport/transport.ts';
import {
  assemblerBusy,
  feedAssembler,
  flushAssembler,
  initialAssembler,
  type AssemblerEvent,
  type AssemblerState,
  type AssemblerStep,
} from './line-assembler.ts';
import { parseMrz } from './mrz-parser.ts';
import { READER_PROFILES, type ReaderProfile } from './profiles.ts';
import type { DocumentReader, ReadResult } from './reader.ts';

export interface MrzReaderDriverOptions {
  /** Defaults to READER_PROFILES['generic-crlf']. */
  profile?: ReaderProfile;
  /** Repair OCR letter/digit confusions confirmed by check digits (default true). */
  ocrFix?: boolean;
}

/**
 * DocumentReader over one Transport. The reader only talks, so the protocol is a small
 * state machine: idle → assembling (inter-line timer armed) → idle, plus the device state
 * online / hwError (line noise or reader fault) / offline (link lost or closed).
 */
export class MrzReaderDriver implements DocumentReader {
  #profile: ReaderProfile;
  readonly #transport: Transport;
  readonly #ocrFix: boolean;
  readonly #reads = new Listeners<[ReadResult]>();
  readonly #statuses = new Listeners<[DeviceStatus]>();
  readonly #unsubscribe: (() => void)[] = [];
  #assembler: AssemblerState = initialAssembler();
  #lineTimer: NodeJS.Timeout | undefined;
  #presenceTimer: NodeJS.Timeout | undefined;
  #noiseRun = 0;
  #status: DeviceStatus;

  constructor(transport: Transport, options: MrzReaderDriverOptions = {}) {
    this.#transport = transport;
    this.#profile = options.profile ?? READER_PROFILES['generic-crlf'];
    this.#ocrFix = options.ocrFix ?? true;
    this.#status = transport.isOpen ? { device: 'online', media: 'notPresent' } : { device: 'offline', media: 'unknown' };
    this.#unsubscribe.push(
      transport.onData((chunk) => this.#apply(feedAssembler(this.#assembler, chunk, this.profile))),
      transport.onClose((err) => this.#lost(err)),
      transport.onReopen?.(() => this.#setStatus({ device: 'online', media: 'notPresent' })) ?? (() => undefined),
    );
  }

  get profile(): ReaderProfile {
    return this.#profile;
  }

  /**
   * Another reader model on the same link (a technician's choice), from the next byte on: a
   * half-assembled document framed the old way is dropped, and line noise counts afresh.
   */
  setProfile(profile: ReaderProfile): void {
    this.#stopTimers();
    this.#assembler = initialAssembler();
    this.#noiseRun = 0;
    this.#profile = profile;
    this.#recover();
  }

  onRead(listener: (r: ReadResult) => void): () => void {
    return this.#reads.add(listener);
  }

  status(): DeviceStatus {
    return { ...this.#status };
  }

  onStatus(listener: (s: DeviceStatus) => void): () => void {
    return this.#statuses.add(listener);
  }

  async close(): Promise<void> {
    this.#stopTimers();
    for (const off of this.#unsubscribe.splice(0)) off();
    this.#setStatus({ device: 'offline', media: 'unknown', detail: 'closed' });
    await this.#transport.close();
    this.#reads.clear();
    this.#statuses.clear();
  }

  #apply(step: AssemblerStep): void {
    this.#assembler = step.state;
    clearTimeout(this.#lineTimer);
    this.#lineTimer = undefined;
    if (assemblerBusy(step.state)) {
      this.#lineTimer = setTimeout(() => this.#apply(flushAssembler(this.#assembler, this.profile)), this.profile.interLineTimeoutMs);
    }
    for (const event of step.events) this.#handle(event);
  }

  #handle(event: AssemblerEvent): void {
    switch (event.kind) {
      case 'noise':
        this.#noiseRun += event.chars;
        if (this.#noiseRun >= this.profile.noiseLimit && this.#status.device === 'online') {
          this.#setStatus({ ...this.#status, device: 'hwError', detail: 'lineNoise' });
        }
        return;
      case 'marker':
        this.#noiseRun = 0;
        if (event.marker === 'fault') return this.#setStatus({ ...this.#status, device: 'hwError', detail: 'readerFault' });
        this.#recover();
        return this.#setMedia(event.marker === 'placed' ? 'present' : 'notPresent');
      case 'document':
      case 'incomplete': {
        this.#noiseRun = 0;
        this.#recover();
        const result = parseMrz(event.lines, { ocrFix: this.#ocrFix });
        this.#setMedia('present');
        this.#armPresence();
        this.#reads.emit(result);
        return;
      }
    }
  }

  /** Without a removal marker a swipe reader's document is gone once read. */
  #armPresence(): void {
    if (this.profile.markers?.removed) return;
    clearTimeout(this.#presenceTimer);
    this.#presenceTimer = setTimeout(() => this.#setMedia('notPresent'), this.profile.presenceHoldMs);
  }

  #recover(): void {
    if (this.#status.device === 'hwError') this.#setStatus({ device: 'online', media: this.#status.media ?? 'notPresent' });
  }

  #setMedia(media: 'present' | 'notPresent'): void {
    if (this.#status.device === 'offline') return;
    this.#setStatus({ ...this.#status, media });
  }

  #lost(err?: Error): void {
    this.#stopTimers();
    if (this.#status.device === 'offline') return;
    this.#setStatus({ device: 'offline', media: 'unknown', detail: err ? 'linkLost' : 'closed' });
  }

  #stopTimers(): void {
    clearTimeout(this.#lineTimer);
    clearTimeout(this.#presenceTimer);
    this.#lineTimer = undefined;
    this.#presenceTimer = undefined;
  }

  #setStatus(next: DeviceStatus): void {
    const cur = this.#status;
    if (cur.device === next.device && cur.media === next.media && cur.detail === next.detail) return;
    this.#status = next;
    this.#statuses.emit({ ...next });
  }
}
