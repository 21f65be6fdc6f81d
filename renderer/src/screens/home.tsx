import { Icon } from '../components/icon.tsx';
import { useApp } from '../context.ts';
import { Screen } from '../components/screen.tsx';
import type { Screen as S } from '../state.ts';

const SECTIONS: { id: string; icon: string; screen: S }[] = [
  { id: 'procedures', icon: 'book', screen: { name: 'catalogue' } },
  { id: 'inquiries', icon: 'search', screen: { name: 'inquiryMenu' } },
  { id: 'payments', icon: 'card', screen: { name: 'payMenu' } },
  { id: 'complaints', icon: 'mail', screen: { name: 'complaint' } },
  { id: 'ticket', icon: 'ticket', screen: { name: 'ticket' } },
  { id: 'awareness', icon: 'bulb', screen: { name: 'awareness' } },
];

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
