import type { MrzDocument } from '../../drivers/idreader/reader.ts';
import { validateNationalId } from './national-id.ts';
import { invalid, type NationalIdProfile, type NationalIdResult, type ValidateOptions } from './national-id-types.ts';

type IdField = 'optionalData' | 'optionalData2' | 'documentNumber';

/** Where each issuing state puts its national ID on its MRZ documents (data, not code). */
export interface DocumentIdLocation {
  /** ICAO alpha-3 codes of issuers whose documents carry this national ID. */
  issuingStates: readonly string[];
  /** Fields searched in order. */
  fields: readonly IdField[];
  idLength: number;
}

/**
 * KW: civil ID cards carry the civil number in the TD1 line-1 optional data (15 places;
 * line 2 has only 11); passports in the TD3 personal-number field (MrzDocument.optionalData). BH/QA: optional data
 * first; the document number is a fallback because some issuers print the ID number
 * there. These placements are assumptions to confirm against real cards on site.
 */
export const DOCUMENT_ID_LOCATIONS: Readonly<Record<NationalIdProfile, DocumentIdLocation>> = {
  KW: { issuingStates: ['KWT'], fields: ['optionalData'], idLength: 12 },
  BH: { issuingStates: ['BHR'], fields: ['optionalData', 'optionalData2', 'documentNumber'], idLength: 9 },
  QA: { issuingStates: ['QAT'], fields: ['optionalData', 'optionalData2', 'documentNumber'], idLength: 11 },
};

function candidates(doc: MrzDocument, loc: DocumentIdLocation): string[] {
  const out: string[] = [];
  for (const field of loc.fields) {
    const value = doc[field] ?? '';
    for (const run of value.split(/[^0-9]+/)) if (run.length === loc.idLength) out.push(run);
  }
  return out;
}

/**
 * Extracts and validates the national ID from a read document. Kuwaiti civil numbers are
 * also cross-checked against the MRZ birth date (both encode it).
 */
export function nationalIdFromDocument(
  profile: NationalIdProfile,
  doc: MrzDocument,
  options: ValidateOptions = {},
): NationalIdResult {
  const loc = DOCUMENT_ID_LOCATIONS[profile];
  if (!loc) return invalid('format', 'unsupported profile');
  if (!loc.issuingStates.includes(doc.issuingState)) {
    return invalid('notFound', `the document was not issued by ${profile}`);
  }
  const found = candidates(doc, loc);
  if (found.length === 0) return invalid('notFound', 'no national ID in the document');
  let firstError: NationalIdResult | null = null;
  for (const id of found) {
    const result = validateNationalId(profile, id, options);
    if (!result.ok) {
      firstError ??= result;
      continue;
    }
    if (profile === 'KW' && /^\d{6}$/.test(doc.birthDate) && id.slice(1, 7) !== doc.birthDate) {
      firstError ??= invalid('date', 'the civil number birth date differs from the document');
      continue;
    }
    return result;
  }
  return firstError ?? invalid('notFound', 'no national ID in the document');
}
