import { describe, expect, it } from 'vitest';
import { createMemoryLink } from '../../../../drivers/transport/memory-link.ts';
import { encodeApdu } from '../../../../drivers/payment/zvt/apdu.ts';
import { ZvtPaymentTerminal } from '../../../../drivers/payment/zvt/driver.ts';
import { encodeFrame } from '../../../../drivers/payment/zvt/framing.ts';
import { statusInformation } from '../../../../drivers/payment/zvt/terminal-messages.ts';
import type { LateTerminalMessage } from '../../../../drivers/payment/terminal.ts';

describe('ZVT driver: messages that arrive when nothing waits for them', () => {
  it('acknowledges a late status information and hands its transaction to the kiosk as evidence', async () => {
    const [host, device] = createMemoryLink();
    const driver = new ZvtPaymentTerminal(host, { password: '000000', currencyNumeric: 414 });
    const received: number[][] = [];
    // A minimal terminal: ACKs every frame; registration gets 80 00 00 and a completion, log-off 80 00 00.
    device.onData((bytes) => {
      received.push([...bytes]);
      if (bytes[0] !== 0x10 || bytes[1] !== 0x02) return;
      const cmd = (bytes[2]! << 8) | bytes[3]!;
      const reply = [0x06];
      if (cmd === 0x0600) reply.push(...encodeFrame(encodeApdu(0x80, 0)), ...encodeFrame(encodeApdu(0x06, 0x0f)));
      if (cmd === 0x0602) reply.push(...encodeFrame(encodeApdu(0x80, 0)));
      void device.write(Uint8Array.from(reply));
    });
    await driver.open();
    const late: LateTerminalMessage[] = [];
    driver.onLateMessage((m) => late.push(m));

    const before = received.length;
    await device.write(encodeFrame(statusInformation({ resultCode: 0, amountMinor: 12_750, traceNumber: 41, receiptNumber: 17, terminalId: '52001234', authCode: 'A1B2C3' })));
    await new Promise((r) => setTimeout(r, 50));

    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ kind: 'statusInfo', resultCode: 0, receipt: { amountMinor: 12_750, traceNumber: 41, receiptNumber: 17, terminalId: '52001234' } });
    // The ECR answered it with ACK and 80 00 00, as the protocol wants.
    const answer = received.slice(before).flat();
    expect(answer[0]).toBe(0x06);
    expect(answer.slice(1, 6)).toEqual([0x10, 0x02, 0x80, 0x00, 0x00]);
    await driver.close();
  });
});
