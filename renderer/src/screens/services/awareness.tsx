import { Icon } from '../../components/icon.tsx';
import { useApp } from '../../context.ts';
import { useCatalogue } from '../../catalogue-context.ts';
import { FinishButton, Screen } from '../../components/screen.tsx';

/** Short tips, bundled with the catalogue, so they work offline. */
export function Awareness() {
  const { t, state } = useApp();
  const catalogue = useCatalogue();
  const l = state.locale;
  return (
    <Screen title={t('home.awareness')} testId="awareness" actions={<FinishButton />}>
      <div class="tips">
        {(catalogue?.tips ?? []).map((tip) => (
          <article class="tip" key={tip.id}>
            <span class="tile-icon"><Icon name={tip.icon} /></span>
            <h2>{tip.title[l]}</h2>
            <p>{tip.body[l]}</p>
          </article>
        ))}
      </div>
    </Screen>
  );
}
