import type { Money as M } from '../../../main/contract/api.ts';
import { useApp } from '../context.ts';

/** Money, exact, in the visitor's locale; isolated so digits never reorder around Arabic text. */
export function Money(props: { value: M; testId?: string }) {
  const { fmt } = useApp();
  return <bdi data-testid={props.testId}>{fmt.money(props.value)}</bdi>;
}
