/** Test helper: "10 02 …" ⇄ bytes. */
export const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex.replace(/\s+/g, ''), 'hex'));
export const hex = (b: Uint8Array): string =>
  Buffer.from(b).toString('hex').toUpperCase().replace(/(..)(?!$)/g, '$1 ');
