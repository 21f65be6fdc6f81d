/** A label and its value; codes and times stay left to right inside Arabic text. */
export function Field(props: { label: string; value: string; ltr?: boolean; testId?: string }) {
  return (
    <p class="money-field">
      <span class="muted">{props.label}</span>{' '}
      <bdi dir={props.ltr ? 'ltr' : undefined} data-testid={props.testId}>
        {props.value}
      </bdi>
    </p>
  );
}
