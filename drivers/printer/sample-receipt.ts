import type { ReceiptDocument } from './printer.ts';

/**
 * The standard bilingual payment receipt (Arabic first, English after): used by the
 * technician test print, the tests and the benchmark. Sample values only, no personal data.
 */
export function sampleReceipt(): ReceiptDocument {
  return {
    direction: 'rtl',
    blocks: [
      { kind: 'text', text: 'وزارة الكهرباء والماء', align: 'center', size: 'large', bold: true },
      { kind: 'text', text: 'Ministry of Electricity and Water', align: 'center', bold: true },
      { kind: 'rule' },
      { kind: 'text', text: 'سداد فاتورة الكهرباء والماء', align: 'start' },
      { kind: 'text', text: 'Electricity and water bill payment', align: 'end' },
      { kind: 'rule' },
      { kind: 'pair', label: 'رقم الحساب', value: '123456' },
      { kind: 'pair', label: 'المبلغ المدفوع', value: '12.500 KWD' },
      { kind: 'pair', label: 'التاريخ', value: '2025-03-14 10:42' },
      { kind: 'pair', label: 'رقم العملية', value: 'TX-0042-7781' },
      { kind: 'pair', label: 'Paid by', value: 'KNET' },
      { kind: 'rule' },
      { kind: 'qr', data: 'https://khidma.example/r/TX-0042-7781' },
      { kind: 'text', text: 'شكرا لاستخدامكم خدمة', align: 'center' },
      { kind: 'text', text: 'Thank you for using Khidma', align: 'center' },
      { kind: 'feed', lines: 1 },
    ],
    cut: true,
  };
}
