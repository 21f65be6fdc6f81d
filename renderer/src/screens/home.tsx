import { useApp } from '../context.ts';
import { TopBar } from '../components/top-bar.tsx';

/** The portal's sections; the skeleton opens one journey, the others are marked as coming. */
export function Home() {
  const { t, dispatch } = useApp();
  return (
    <main class="screen">
      <TopBar />
      <h1>{t('home.title')}</h1>
      <div class="tiles">
        <button type="button" class="tile" data-testid="tile-ew" onClick={() => dispatch({ type: 'go', screen: { name: 'account' } })}>
          <span class="tile-icon" aria-hidden="true">
            ⚡
          </span>
          <span class="tile-title">{t('home.ewBill')}</span>
          <span class="tile-hint">{t('home.ewBillHint')}</span>
        </button>
      </div>
    </main>
  );
}
