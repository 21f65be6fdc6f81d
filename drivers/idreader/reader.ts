import type { DeviceStatus } from '../status.ts';

export type MrzFormat = 'TD1' | 'TD2' | 'TD3';

/** A document read from the MRZ. Personal data: keep in memory for one visitor session only. */
export interface MrzDocument {
  format: MrzFormat;
  documentCode: string;
  issuingState: string;
  documentNumber: string;
  nationality: string;
  birthDate: string; // YYMMDD as on the MRZ
  sex: string;
  expiryDate: string; // YYMMDD
  surname: string;
  givenNames: string;
  /** Personal number / optional data field(s), where the national ID usually sits. */
  optionalData: string;
  optionalData2?: string;
}

export type MrzErrorCode = 'unreadable' | 'badLength' | 'badCheckDigit' | 'unknownFormat';

export type ReadResult =
  | { ok: true; document: MrzDocument; corrected: boolean }
  | { ok: false; error: { code: MrzErrorCode; message: string; field?: string } };

export interface DocumentReader {
  onRead(listener: (r: ReadResult) => void): () => void;
  status(): DeviceStatus;
  onStatus(listener: (s: DeviceStatus) => void): () => void;
  close(): Promise<void>;
}
