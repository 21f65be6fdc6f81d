import { useMemo, useState } from 'preact/hooks';
import { createSearchIndex } from '../../../../main/shared/catalogue/search.ts';
import { useApp } from '../../context.ts';
import { useCatalogue } from '../../catalogue-context.ts';
import { Screen } from '../../components/screen.tsx';
import { KeyboardField } from '../../components/keyboard.tsx';

/** Search as Arabic speakers type: hamza, taa marbuta, diacritics and tatweel don't matter. */
export function Search() {
  const { t, state, go } = useApp();
  const catalogue = useCatalogue();
  const [query, setQuery] = useState('');
  const index = useMemo(() => (catalogue ? createSearchIndex(catalogue) : undefined), [catalogue]);
  const l = state.locale;
  const results = index && query.trim() ? index.search(query, l, 12) : [];
  const byId = new Map(catalogue?.services.map((s) => [s.id, s]));
  return (
    <Screen title={t('catalogue.search')} testId="search" actions={<KeyboardField value={query} onChange={setQuery} label={t('visitor.searchLabel')} maxLength={60} testId="search-query" />}>
      <div class="list search-results" data-testid="search-results" aria-live="polite">
        {results.map((r) => {
          const s = byId.get(r.serviceId);
          return (
            s && (
              <button type="button" class="list-item" key={r.serviceId} data-testid={`result-${r.serviceId}`} onClick={() => go({ name: 'service', serviceId: r.serviceId })}>
                {s.name[l]}
              </button>
            )
          );
        })}
        {query.trim() && results.length === 0 && <p class="muted">{t('catalogue.noResults')}</p>}
      </div>
    </Screen>
  );
}
