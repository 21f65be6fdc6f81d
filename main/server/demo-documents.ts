import { buildMrz } from '../../drivers/idreader/index.ts';
import { demoPeople, type DemoProfile } from '../demo-gateway/seed.ts';

const ISSUER: Record<DemoProfile, string> = { KW: 'KWT', BH: 'BHR', QA: 'QAT' };

/** The birth date (YYMMDD) a demo national ID implies, so the document and the number agree. */
function birthOf(profile: DemoProfile, id: string): string {
  if (profile === 'KW') return id.slice(1, 7); // C YYMMDD …
  if (profile === 'BH') return `${id.slice(0, 4)}15`; // CPR: YYMM …
  return `${id.slice(1, 3)}0101`; // QID: century, YY …
}

/**
 * Documents of the demo gateway's visitors, as the reader sees them: the first visitor's
 * national ID card (TD1, number in the optional data) and the second one's passport (TD3,
 * number in the personal number field). Fictional people; numbers valid for the profile.
 */
export function demoDocuments(profile: DemoProfile): { idCard: string[]; passport: string[] } {
  const [a, b] = demoPeople(profile);
  if (!a || !b) throw new Error(`no demo visitors for ${profile}`);
  const state = ISSUER[profile];
  return {
    idCard: buildMrz({
      format: 'TD1',
      documentCode: 'ID',
      issuingState: state,
      documentNumber: 'DEMO01234',
      nationality: state,
      birthDate: birthOf(profile, a.nationalId),
      sex: 'M',
      expiryDate: '350630',
      surname: 'AL FULANI',
      givenNames: 'SALEM AHMAD',
      optionalData: a.nationalId,
    }),
    passport: buildMrz({
      format: 'TD3',
      documentCode: 'P',
      issuingState: state,
      documentNumber: 'D01234567',
      nationality: state,
      birthDate: birthOf(profile, b.nationalId),
      sex: 'F',
      expiryDate: '350630',
      surname: 'AL FULANI',
      givenNames: 'NOURA KHALED',
      optionalData: b.nationalId,
    }),
  };
}
