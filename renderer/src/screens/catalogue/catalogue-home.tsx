import { Icon } from '../../components/icon.tsx';
import { useState } from 'preact/hooks';
import { useApp } from '../../context.ts';
import { useCatalogue } from '../../catalogue-context.ts';
import { Screen } from '../../components/screen.tsx';

/** Service procedures: browse by entity or by category, or search. */
export function CatalogueHome() {
  const { t, state, go } = useApp();
  const catalogue = useCatalogue();
  const [by, setBy] = useState<'entity' | 'category'>('entity');
  const l = state.locale;
  const count = (pred: (s: { entityId: string; categoryId: string }) => boolean) => catalogue?.services.filter(pred).length ?? 0;
  return (
    <Screen title={t('home.procedures')} testId="catalogue">
      <button type="button" class="btn btn-primary btn-wide" onClick={() => go({ name: 'search' })} data-testid="open-search">
        <Icon name="search" size={28} /> {t('catalogue.search')}
      </button>
      <div class="choice-row" role="tablist">
        {(['entity', 'category'] as const).map((b) => (
          <button type="button" role="tab" aria-selected={by === b} class={`chip ${by === b ? 'chip-on' : ''}`} key={b} onClick={() => setBy(b)}>
            {t(`catalogue.by_${b}`)}
          </button>
        ))}
      </div>
      <div class="list">
        {by === 'entity'
          ? catalogue?.entities.map((e) => (
              <button type="button" class="list-item" key={e.id} data-testid={`browse-${e.id}`} onClick={() => go({ name: 'serviceList', entityId: e.id })}>
                <span>{e.name[l]}</span>
                <span class="muted">{t('catalogue.services', { count: count((s) => s.entityId === e.id) })}</span>
              </button>
            ))
          : catalogue?.categories.map((c) => (
              <button type="button" class="list-item" key={c.id} onClick={() => go({ name: 'serviceList', categoryId: c.id })}>
                <span>{c.name[l]}</span>
                <span class="muted">{t('catalogue.services', { count: count((s) => s.categoryId === c.id) })}</span>
              </button>
            ))}
      </div>
    </Screen>
  );
}
