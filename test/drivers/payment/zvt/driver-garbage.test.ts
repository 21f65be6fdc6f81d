import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryLink } from '../../../../drivers/transport/memory-link.ts';
import { encodeApdu } from '../../../../drivers/payment/zvt/apdu.ts';
import { ZvtPaymentTerminal } from '../../../../drivers/payment/zvt/driver.ts';
import { encodeFrame } from '../../../../drivers/payment/zvt/framing.ts';

/**
 * A "terminal" that answers with garbage: random bytes, and well-framed APDUs of the terminal's
 * message types with random contents. The driver must settle on an outcome, never throw, never hang.
 */
describe('ZVT driver fed garbage by the terminal', () => {
  const controls = [0x8000, 0x8400, 0x04ff, 0x040f, 0x060f, 0x061e, 0x06d1, 0x06d3, 0x0601];
  const chunk = fc.oneof(
    fc.uint8Array({ maxLength: 40 }),
    fc.tuple(fc.constantFrom(...controls), fc.uint8Array({ maxLength: 40 })).map(([c, d]) => encodeFrame(encodeApdu(c >> 8, c & 0xff, d))),
    fc.constant(Uint8Array.of(0x06)),
    fc.constant(Uint8Array.of(0x15)),
  );

  it('always resolves authorize() with an outcome', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(chunk, { maxLength: 12 }), async (script) => {
        const [host, device] = createMemoryLink();
        // Registration done by hand-feeding 80 00 00; then the payment meets the garbage.
        const driver = new ZvtPaymentTerminal(host, {
          password: '000000',
          currencyNumeric: 414,
          timeouts: { ackMs: 15, charMs: 10, commandAnswerMs: 25, completionMs: 40 },
        });
        let step = -1;
        device.onData((bytes) => {
          // Only frames get an answer (the driver's own ACK bytes do not).
          if (bytes[0] !== 0x10 || bytes[1] !== 0x02) return;
          let reply: number[];
          if (bytes[2] === 0x06 && bytes[3] === 0x00) {
            reply = [0x06, ...encodeFrame(encodeApdu(0x80, 0)), ...encodeFrame(encodeApdu(0x06, 0x0f))];
          } else {
            // From the payment on: ACK, then the next piece of garbage.
            step++;
            reply = [0x06, ...(script[step] ?? [])];
          }
          void device.write(Uint8Array.from(reply)).catch(() => undefined);
        });
        await driver.open();
        // Bounded: every wait in the driver has a timeout (here ≤ 40 ms per message), so 2 s means a hang.
        let timer: NodeJS.Timeout | undefined;
        const hang = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('authorize() did not settle: hang')), 2000);
        });
        const out = await Promise.race([driver.authorize({ amountMinor: 100, currencyNumeric: 414, reference: 'fuzz' }), hang]);
        clearTimeout(timer);
        expect(['approved', 'declined', 'aborted', 'unknown']).toContain(out.kind);
        await driver.close();
      }),
      { numRuns: 60 },
    );
  });
});
