import type { DocumentReader, ReadResult } from '../../drivers/idreader/reader.ts';
import { DOCUMENT_ID_LOCATIONS, isDocumentExpired, nationalIdFromDocument, validateNationalId } from '../identity/index.ts';
import type { Events, IdentityErrorCode, IdentityView, ProfileId } from '../contract/api.ts';
import { KioskError } from '../contract/result.ts';
import type { Logger } from '../log/logger.ts';
import type { VisitorSessions } from './visitor-session.ts';

/** "2••••••••123": enough for the visitor to recognise their number, useless to a passer-by. */
export function maskNationalId(id: string): string {
  return id.length <= 4 ? '•'.repeat(id.length) : `${id[0]}${'•'.repeat(id.length - 4)}${id.slice(-3)}`;
}

/**
 * The visitor's identity, from the document reader or the keypad, validated for the
 * kiosk's country profile and kept only in the visitor session. Logs carry outcomes, never numbers.
 */
export class IdentityService {
  readonly #off: () => void;

  constructor(
    private readonly d: {
      sessions: VisitorSessions;
      profile: ProfileId;
      reader: DocumentReader;
      emit: <E extends keyof Events>(event: E, payload: Events[E]) => void;
      log: Logger;
      today?: () => Date;
    },
  ) {
    this.#off = d.reader.onRead((r) => this.#onRead(r));
  }

  view(): IdentityView {
    const id = this.d.sessions.current?.identity;
    if (!id) return { present: false };
    return { present: true, masked: maskNationalId(id.nationalId), source: id.source, documentExpired: id.documentExpired };
  }

  enter(input: string): IdentityView {
    this.d.sessions.require();
    const r = validateNationalId(this.d.profile, input, { today: this.#today() });
    if (!r.ok) throw new KioskError('invalidIdentity', r.code);
    this.d.sessions.setIdentity({ nationalId: r.id, source: 'keypad', documentExpired: false });
    return this.view();
  }

  clear(): void {
    if (this.d.sessions.current) this.d.sessions.setIdentity(undefined);
  }

  /** The civil number for a gateway call; only handlers that need it ask. */
  requireNationalId(): string {
    const id = this.d.sessions.require().identity;
    if (!id) throw new KioskError('noIdentity', 'scan your civil ID or enter your civil number first');
    return id.nationalId;
  }

  close(): void {
    this.#off();
  }

  #onRead(r: ReadResult): void {
    // A document placed with nobody in session (attract screen) is ignored, not remembered.
    if (!this.d.sessions.current) return;
    const fail = (code: IdentityErrorCode, field?: string) => {
      this.d.log.info('identity', 'document rejected', { code });
      this.d.emit('identity.error', { code, ...(field && { field }) });
    };
    if (!r.ok) return fail(r.error.code, r.error.field);
    const doc = r.document;
    if (!DOCUMENT_ID_LOCATIONS[this.d.profile]?.issuingStates.includes(doc.issuingState)) return fail('otherCountry');
    const expired = isDocumentExpired(doc, this.#today()) === true;
    const id = nationalIdFromDocument(this.d.profile, doc, { today: this.#today() });
    if (!id.ok) return fail(id.code);
    this.d.sessions.setIdentity({ nationalId: id.id, source: 'scan', documentExpired: expired });
    this.d.log.info('identity', 'document read', { format: doc.format, expired });
    this.d.emit('identity.changed', this.view());
  }

  #today(): Date {
    return this.d.today?.() ?? new Date();
  }
}
