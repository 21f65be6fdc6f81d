import type { ReceiptDocument } from '../../drivers/printer/printer.ts';
import type { MrzDocument, ReadResult } from '../../drivers/idreader/reader.ts';
import type { DeviceSummary, Locale, TechReaderResult, TechTestResult } from '../contract/api.ts';
import { endOfDayVerdict, type EndOfDay } from '../payment/end-of-day.ts';
import type { KioskDevices } from '../devices/devices.ts';

/** The terminal's technician commands beyond the payment interface (the ZVT driver has them). */
interface TerminalExtras {
  statusEnquiry?(): Promise<boolean>;
  diagnosis?(): Promise<boolean>;
  lastPrintLines?: readonly string[];
}

export interface DeviceTestDeps {
  devices: KioskDevices;
  kioskId: string;
  now: () => Date;
  summary: (name: DeviceSummary['name']) => DeviceSummary;
  endOfDay: Pick<EndOfDay, 'run' | 'print'>;
}

/** The bilingual test page: shaped Arabic, both digit sets, a QR code and a cut. No personal data. */
export function testPage(kioskId: string, at: Date): ReceiptDocument {
  const stamp = at.toISOString().slice(0, 16).replace('T', ' ');
  return {
    direction: 'rtl',
    blocks: [
      { kind: 'text', text: 'صفحة اختبار الطابعة', align: 'center', size: 'large', bold: true },
      { kind: 'text', text: 'Printer test page', align: 'center', bold: true },
      { kind: 'rule' },
      { kind: 'text', text: 'الحروف العربية موصولة: بسم الله، مرحبا بكم في خدمة', align: 'start' },
      { kind: 'text', text: 'Latin text: The quick brown fox jumps over the lazy dog', align: 'end' },
      { kind: 'pair', label: 'الأرقام', value: '٠١٢٣٤٥٦٧٨٩' },
      { kind: 'pair', label: 'Digits', value: '0123456789' },
      { kind: 'pair', label: 'الكشك', value: kioskId },
      { kind: 'pair', label: 'Time (UTC)', value: stamp },
      { kind: 'rule' },
      { kind: 'qr', data: `KHIDMA-TEST ${kioskId} ${stamp}` },
      { kind: 'text', text: 'يجب أن تُقص الورقة أدناه', align: 'center' },
      { kind: 'text', text: 'The paper is cut below', align: 'center' },
      { kind: 'feed', lines: 1 },
    ],
    cut: true,
  };
}

export async function printerTest(d: DeviceTestDeps, kind: 'page' | 'status'): Promise<TechTestResult> {
  const status = await d.devices.printer.checkStatus().catch(() => d.devices.printer.status());
  const summary = d.summary('printer');
  if (kind === 'status') return { ok: status.device === 'online', code: status.supply === 'low' ? 'paperLow' : status.detail ?? status.device, status: summary };
  const sim = d.devices.simulators.printer;
  const jobsBefore = sim?.jobs.length ?? 0;
  const r = await d.devices.printer.print(testPage(d.kioskId, d.now()));
  if (!r.ok) return { ok: false, code: r.code, status: d.summary('printer') };
  // The simulated paper of this job only (never earlier visitors' receipts).
  const png = sim && sim.jobs.length > jobsBefore ? sim.renderJobPng(-1) : undefined;
  return { ok: true, code: 'printed', status: d.summary('printer'), ...(png && { png: `data:image/png;base64,${png.toString('base64')}` }) };
}

export async function terminalTest(d: DeviceTestDeps, kind: 'register' | 'status' | 'diagnosis' | 'endOfDay', locale: Locale = 'ar'): Promise<TechTestResult> {
  const terminal = d.devices.terminal;
  const extras = terminal as unknown as TerminalExtras;
  switch (kind) {
    case 'register':
      try {
        await terminal.open();
        return { ok: true, code: 'registered', status: d.summary('terminal') };
      } catch (err) {
        return { ok: false, code: 'registrationFailed', status: d.summary('terminal'), lines: [String((err as Error).message).slice(0, 120)] };
      }
    case 'status': {
      const answered = extras.statusEnquiry ? await extras.statusEnquiry().catch(() => false) : terminal.status().device === 'online';
      return { ok: answered, code: answered ? 'answered' : 'noAnswer', status: d.summary('terminal') };
    }
    case 'diagnosis': {
      if (!extras.diagnosis) return { ok: false, code: 'notSupported', status: d.summary('terminal') };
      const done = await extras.diagnosis().catch(() => false);
      return { ok: done, code: done ? 'diagnosed' : 'diagnosisFailed', status: d.summary('terminal') };
    }
    case 'endOfDay': {
      // The same end of day as the schedule's: totals compared with the kiosk's journal, recorded,
      // a difference raised as an alert, the report printed in the technician's language.
      const r = await d.endOfDay.run('technician');
      const printed = await d.endOfDay.print(r.id, locale);
      const verdict = ({ failed: 'endOfDayFailed', match: 'totalsMatch', mismatch: 'totalsDiffer' } as const)[endOfDayVerdict(r)];
      return {
        ok: r.ok && printed,
        code: printed ? verdict : 'printFailed',
        status: d.summary('terminal'),
        lines: [`terminal ${r.terminalCount ?? '-'} / ${r.terminalTotalMinor ?? '-'}`, `kiosk ${r.kioskCount} / ${r.kioskTotalMinor}`],
      };
    }
  }
}

const mask = (s: string, keep = 0) => (s.length <= keep ? '•'.repeat(s.length) : '•'.repeat(Math.max(0, s.length - keep)) + s.slice(s.length - keep));

/** What the technician may see of a document: its kind and checks, personal fields masked. */
export function maskDocument(doc: MrzDocument, corrected: boolean): NonNullable<TechReaderResult['document']> {
  return {
    format: doc.format,
    issuingState: doc.issuingState,
    documentType: doc.documentCode,
    number: mask(doc.documentNumber, 2),
    expiry: doc.expiryDate,
    checks: corrected ? 'corrected' : 'ok',
    name: '••••',
  };
}

/** Waits for the next swipe on the ID reader and shows it masked. */
export function readerTest(d: DeviceTestDeps, waitMs: number): Promise<TechReaderResult> {
  return new Promise((resolve) => {
    const done = (r: TechReaderResult) => (clearTimeout(timer), off(), resolve(r));
    const off = d.devices.idReader.onRead((r: ReadResult) => done(r.ok ? { read: true, code: 'read', document: maskDocument(r.document, r.corrected) } : { read: false, code: r.error.code }));
    const timer = setTimeout(() => done({ read: false, code: 'timeout' }), waitMs);
  });
}
