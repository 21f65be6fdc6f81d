/**
 * ZVT serial CRC: CCITT polynomial in reflected form (0x8408), initial value 0, no final XOR
 * (the catalogue name is CRC-16/KERMIT). Computed over the un-stuffed message plus the ETX byte;
 * sent low byte first.
 */
const TABLE: readonly number[] = (() => {
  const t: number[] = [];
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let b = 0; b < 8; b++) c = c & 1 ? (c >>> 1) ^ 0x8408 : c >>> 1;
    t.push(c);
  }
  return Object.freeze(t);
})();

/** CRC over `data`, continuing from `crc` (0 to start). */
export function crc16(data: Uint8Array | readonly number[], crc = 0): number {
  let c = crc & 0xffff;
  for (let i = 0; i < data.length; i++) c = (c >>> 8) ^ (TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0);
  return c;
}

/** The frame checksum: CRC over message then ETX (0x03). */
export function frameCrc(message: Uint8Array): number {
  return crc16([0x03], crc16(message));
}
