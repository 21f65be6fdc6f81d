import type { Payable } from '../../../main/contract/api.ts';
import { useApp } from '../context.ts';

/**
 * An item the kiosk's own journal already holds: paid here (and whether the entity has it yet),
 * or being paid right now. Shown instead of a way to pay it again.
 */
export function PaidHereNote(props: { payable: Payable }) {
  const { t, fmt, state } = useApp();
  const held = props.payable.paidHere;
  if (!held) return null;
  const entity = props.payable.entity[state.locale];
  const key = held.state === 'inProgress' ? 'money.inProgress' : held.posting === 'delivered' ? 'money.paidHereDelivered' : held.posting === 'dead' ? 'money.paidHereDead' : 'money.paidHere';
  return (
    <p class="note warn" role="status" data-testid="paid-here" data-posting={held.posting}>
      {t(key, { date: fmt.date(held.at), entity })}
    </p>
  );
}
