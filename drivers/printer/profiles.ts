import type { SerialSettings } from '../transport/transport.ts';

/** Real-time status requests (DLE EOT n) a model answers. */
export type StatusRequest = 1 | 2 | 3 | 4;

/**
 * A printer model as data: everything the driver needs to know about a device quirk
 * lives here, never as a branch in code.
 */
export interface PrinterProfile {
  id: string;
  name: string;
  paperWidthMm: number;
  /** Printable width in dots (raster images are at most this wide). */
  dots: number;
  dpi: number;
  /** Font A characters per line at normal size. */
  charsPerLine: number;
  /** Font A cell: width and height in dots, and the baseline from the cell top. */
  fontA: { width: number; height: number; baseline: number };
  /** Default line feed amount in dots (ESC 2). */
  lineSpacingDots: number;
  /** Serial settings less the path, which comes from the kiosk configuration. */
  serial: Omit<SerialSettings, 'path'>;
  /** Code page used for native (Latin) text: ESC t n. Arabic never goes through a code page. */
  codePage: { name: string; escT: number };
  /** Code pages with Arabic the model has; informational (see reference.md: letter-by-letter = wrong). */
  arabicCodePages: { name: string; escT: number }[];
  cutter: 'full' | 'partial' | 'none';
  /** Lines fed before cutting so the last line clears the cutter blade. */
  feedLinesBeforeCut: number;
  statusRequests: readonly StatusRequest[];
  /** How long one DLE EOT reply may take before the printer counts as offline. */
  statusTimeoutMs: number;
  /** Supports ESC * 24-dot column images mixed with text on one line (pair rows). */
  columnImages: boolean;
  /**
   * How a raster gets its alignment: 'escA' = the printer applies ESC a to GS v 0 (Epson);
   * 'pad' = the printer ignores it (common in clones), so the image is padded to the aligned spot.
   */
  rasterAlign: 'escA' | 'pad';
  /** Arabic font size in px (= dots) for each ReceiptBlock size. */
  arabicPx: { normal: number; large: number; huge: number };
  qr: { moduleSize: number; errorCorrection: 'L' | 'M' | 'Q' | 'H' };
}

/**
 * Generic 80 mm Epson TM-T88-like printer: 203 dpi head, 576 dots, Font A 12×24 (48 columns),
 * autocutter, all four DLE EOT statuses. 38400 8N1 with RTS/CTS is the common factory
 * setting for serial TM-series.
 */
export const EPSON_TM_T88_80MM: PrinterProfile = {
  id: 'epson-tm-t88-80mm',
  name: 'Epson TM-T88 class, 80 mm',
  paperWidthMm: 80,
  dots: 576,
  dpi: 203,
  charsPerLine: 48,
  fontA: { width: 12, height: 24, baseline: 20 },
  lineSpacingDots: 30,
  serial: { baudRate: 38400, dataBits: 8, parity: 'none', stopBits: 1, rtscts: true, xon: false, xoff: false },
  codePage: { name: 'PC437', escT: 0 },
  arabicCodePages: [
    { name: 'PC864', escT: 37 },
    { name: 'WPC1256', escT: 50 },
  ],
  cutter: 'partial',
  feedLinesBeforeCut: 4,
  statusRequests: [1, 2, 3, 4],
  statusTimeoutMs: 500,
  columnImages: true,
  rasterAlign: 'escA',
  arabicPx: { normal: 24, large: 32, huge: 44 },
  qr: { moduleSize: 6, errorCorrection: 'M' },
};

/**
 * Generic 58 mm panel printer: 384 dots, 32 columns, no cutter, 9600 baud with XON/XOFF.
 * Host side honours the printer's XOFF (IXON) but never sends XON/XOFF itself (no IXOFF), so
 * raster bytes 0x11/0x13 travel untouched. Status polling is safe: every DLE EOT reply has
 * bit 0 fixed at 0, so a reply is never 0x11 (XON) or 0x13 (XOFF) and the host tty does not
 * swallow it. Many of these models only answer DLE EOT 1 and 4.
 */
export const GENERIC_58MM: PrinterProfile = {
  id: 'generic-58mm',
  name: 'Generic ESC/POS panel printer, 58 mm',
  paperWidthMm: 58,
  dots: 384,
  dpi: 203,
  charsPerLine: 32,
  fontA: { width: 12, height: 24, baseline: 20 },
  lineSpacingDots: 30,
  serial: { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, rtscts: false, xon: true, xoff: false },
  codePage: { name: 'PC437', escT: 0 },
  arabicCodePages: [{ name: 'PC864', escT: 37 }],
  cutter: 'none',
  feedLinesBeforeCut: 3,
  statusRequests: [1, 4],
  statusTimeoutMs: 800,
  columnImages: true,
  rasterAlign: 'escA',
  arabicPx: { normal: 22, large: 28, huge: 36 },
  qr: { moduleSize: 4, errorCorrection: 'M' },
};

export const PRINTER_PROFILES: Readonly<Record<string, PrinterProfile>> = {
  [EPSON_TM_T88_80MM.id]: EPSON_TM_T88_80MM,
  [GENERIC_58MM.id]: GENERIC_58MM,
};
