import type { PaymentTerminal } from '../../drivers/payment/terminal.ts';
import type { ReceiptPrinter } from '../../drivers/printer/printer.ts';
import type { DocumentReader } from '../../drivers/idreader/reader.ts';
import type { DeviceSummary } from '../contract/api.ts';
import type { KioskConfig } from '../config.ts';
import type { Logger } from '../log/logger.ts';

export interface KioskDevices {
  printer: ReceiptPrinter;
  terminal: PaymentTerminal;
  idReader: DocumentReader;
  summary(): DeviceSummary[];
  onChange(fn: () => void): () => void;
  close(): Promise<void>;
}

export async function openDevices(_config: KioskConfig['devices'], _deps: { log: Logger; assetsDir: URL }): Promise<KioskDevices> {
  throw new Error('not yet wired');
}
