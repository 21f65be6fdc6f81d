export type NationalIdProfile = 'KW' | 'BH' | 'QA';

/** 'notFound' is only produced by nationalIdFromDocument (no ID where the issuer puts it). */
export type NationalIdErrorCode = 'length' | 'format' | 'checkDigit' | 'date' | 'notFound';

export type NationalIdResult =
  | {
      ok: true;
      profile: NationalIdProfile;
      /** ASCII digits only. Personal data: never log it. */
      id: string;
      /** ISO 8601 at the precision the number encodes: 'YYYY-MM-DD' (KW), 'YYYY-MM' (BH), 'YYYY' (QA). */
      birthDate?: string;
    }
  | { ok: false; code: NationalIdErrorCode; message: string };

export interface ValidateOptions {
  /** Reference date for "born in the future" checks and century inference; default now. */
  today?: Date;
}

export function invalid(code: NationalIdErrorCode, message: string): NationalIdResult {
  return { ok: false, code, message };
}
