import { describe, expectTypeOf, it } from 'vitest';
import type { PaymentProgressCode as ContractCode } from '../../../main/contract/types.ts';
import type { PaymentProgressCode as DriverCode } from '../../../drivers/payment/terminal.ts';

// The contract spells out the terminal's progress codes (it imports nothing from drivers/), so the
// two unions are kept equal here: `npm run typecheck` fails if either side gains or loses a code.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same: Equal<ContractCode, DriverCode> = true;

describe('PaymentProgressCode', () => {
  it('is the same union in the contract and in the terminal driver interface', () => {
    expectTypeOf<ContractCode>().toEqualTypeOf<DriverCode>();
    // Runtime side of the check: the compile-time equality above evaluated to `true`.
    if (!same) throw new Error('contract and driver progress codes differ');
  });
});
