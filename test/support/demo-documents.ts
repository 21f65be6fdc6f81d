import { buildMrz } from '../../drivers/idreader/index.ts';

/** A demo visitor the demo gateway knows (valid Kuwaiti civil number; nobody real): two traffic fines. */
export const DEMO_CIVIL = '285031400009';

/** That visitor's civil ID card as the document reader sees it (TD1, civil number in the optional data). */
export const DEMO_CIVIL_ID_CARD = buildMrz({
  format: 'TD1',
  documentCode: 'ID',
  issuingState: 'KWT',
  documentNumber: 'AB0123456',
  nationality: 'KWT',
  birthDate: DEMO_CIVIL.slice(1, 7),
  sex: 'M',
  expiryDate: '350630',
  surname: 'AL FULANI',
  givenNames: 'SALEM AHMAD',
  optionalData: DEMO_CIVIL,
});
