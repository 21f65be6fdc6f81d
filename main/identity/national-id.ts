import { validateBahrainCpr } from './bahrain-cpr.ts';
import { normaliseDigits } from './digits.ts';
import { validateKuwaitCivilNumber } from './kuwait-civil-number.ts';
import type { NationalIdProfile, NationalIdResult, ValidateOptions } from './national-id-types.ts';
import { validateQatarQid } from './qatar-qid.ts';

const VALIDATORS: Readonly<Record<NationalIdProfile, (digits: string, o: ValidateOptions) => NationalIdResult>> = {
  KW: validateKuwaitCivilNumber,
  BH: validateBahrainCpr,
  QA: validateQatarQid,
};

/**
 * Validates a national ID typed on the keypad or read from a document. Accepts Arabic-Indic
 * digits and separators. Never throws; messages never contain the number itself.
 */
export function validateNationalId(
  profile: NationalIdProfile,
  input: string,
  options: ValidateOptions = {},
): NationalIdResult {
  const validate = VALIDATORS[profile];
  if (typeof input !== 'string' || !validate) return { ok: false, code: 'format', message: 'unsupported input' };
  return validate(normaliseDigits(input), options);
}
