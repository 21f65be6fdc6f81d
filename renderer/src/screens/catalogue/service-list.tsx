import { useApp } from '../../context.ts';
import { useCatalogue } from '../../catalogue-context.ts';
import { Screen } from '../../components/screen.tsx';

export function ServiceList(props: { entityId?: string; categoryId?: string }) {
  const { state, go } = useApp();
  const catalogue = useCatalogue();
  const l = state.locale;
  const title = catalogue?.entities.find((e) => e.id === props.entityId)?.name[l] ?? catalogue?.categories.find((c) => c.id === props.categoryId)?.name[l] ?? '';
  const services = (catalogue?.services ?? []).filter((s) => (!props.entityId || s.entityId === props.entityId) && (!props.categoryId || s.categoryId === props.categoryId));
  return (
    <Screen title={title} testId="service-list">
      <div class="list">
        {services.map((s) => (
          <button type="button" class="list-item" key={s.id} data-testid={`service-${s.id}`} onClick={() => go({ name: 'service', serviceId: s.id })}>
            {s.name[l]}
          </button>
        ))}
      </div>
    </Screen>
  );
}
