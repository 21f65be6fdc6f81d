/** Receipt printer: ESC/POS driver, simulator, profiles and the text renderer. */
export type { ReceiptPrinter, ReceiptDocument, ReceiptBlock, PrintResult } from './printer.ts';
export { createEscPosPrinter, EscPosPrinter, type EscPosPrinterOptions, type PrinterState } from './escpos-printer.ts';
export { EPSON_TM_T88_80MM, GENERIC_58MM, PRINTER_PROFILES, type PrinterProfile, type StatusRequest } from './profiles.ts';
export { EscPosSimulator, type PrinterFault, type SimulatorOptions } from './sim/simulator.ts';
export type { PaperItem, PrintedImage } from './sim/paper.ts';
export { EscPosDecoder, type EscPosCommand } from './sim/decoder.ts';
export { renderTextBitmap, measureText, hasArabic, type TextRenderOptions, type TextBitmap } from './text-render.ts';
export { layoutReceipt } from './layout.ts';
export { sampleReceipt } from './sample-receipt.ts';
export * as escpos from './escpos.ts';
export type { Bitmap } from './bitmap.ts';
