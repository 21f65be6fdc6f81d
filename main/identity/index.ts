export type { NationalIdProfile, NationalIdErrorCode, NationalIdResult, ValidateOptions } from './national-id-types.ts';
export { validateNationalId } from './national-id.ts';
export { nationalIdFromDocument, DOCUMENT_ID_LOCATIONS, type DocumentIdLocation } from './document-id.ts';
export { validateKuwaitCivilNumber, kuwaitCivilCheckDigit, makeKuwaitCivilNumber } from './kuwait-civil-number.ts';
export { validateBahrainCpr } from './bahrain-cpr.ts';
export { validateQatarQid, qidNationalityCode } from './qatar-qid.ts';
export { normaliseDigits } from './digits.ts';
export { mrzDateToIso, isDocumentExpired } from './document-dates.ts';
