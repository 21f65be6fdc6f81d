import { MenuTiles } from '../components/menu-tiles.tsx';
import { useApp } from '../context.ts';
import { Screen } from '../components/screen.tsx';
import { SECTIONS } from '../sections.ts';

/** The portal's sections, as on the government portals the visitor knows. */
export function Home() {
  const { t } = useApp();
  return (
    <Screen title={t('home.title')} back={false}>
      <MenuTiles items={SECTIONS} keyPrefix="home" testPrefix="section" />
    </Screen>
  );
}
