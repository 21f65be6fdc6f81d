import { Icon } from '../components/icon.tsx';
import { useApp } from '../context.ts';
import { Screen } from '../components/screen.tsx';
import { SECTIONS } from '../sections.ts';

/** The portal's sections, as on the government portals the visitor knows. */
export function Home() {
  const { t, go } = useApp();
  return (
    <Screen title={t('home.title')} back={false}>
      <div class="tiles">
        {SECTIONS.map((s) => (
          <button type="button" class="tile" key={s.id} data-testid={`section-${s.id}`} onClick={() => go(s.screen)}>
            <span class="tile-icon"><Icon name={s.icon} /></span>
            <span class="tile-title">{t(`home.${s.id}`)}</span>
            <span class="tile-hint">{t(`home.${s.id}Hint`)}</span>
          </button>
        ))}
      </div>
    </Screen>
  );
}
