import { Icon } from '../../components/icon.tsx';
import { useApp } from '../../context.ts';
import { Screen } from '../../components/screen.tsx';
import type { Screen as S } from '../../state.ts';

const ITEMS: { id: string; icon: string; screen: S }[] = [
  { id: 'trafficFines', icon: 'traffic', screen: { name: 'identify', next: 'trafficFines' } },
  { id: 'electricityWater', icon: 'bolt', screen: { name: 'account', service: 'electricityWater' } },
  { id: 'telephone', icon: 'phone', screen: { name: 'account', service: 'telephone' } },
  { id: 'paciFee', icon: 'id', screen: { name: 'account', service: 'paciFee' } },
  { id: 'justiceFee', icon: 'scale', screen: { name: 'account', service: 'justiceFee' } },
  { id: 'zakat', icon: 'heart', screen: { name: 'donation' } },
  { id: 'reprint', icon: 'receipt', screen: { name: 'reprint' } },
];

/** Government e-payment (Tasdeed): what can be paid at this kiosk. */
export function PayMenu() {
  const { t, go } = useApp();
  return (
    <Screen title={t('pay.title')}>
      <div class="tiles">
        {ITEMS.map((i) => (
          <button type="button" class="tile" key={i.id} data-testid={`pay-${i.id}`} onClick={() => go(i.screen)}>
            <span class="tile-icon"><Icon name={i.icon} /></span>
            <span class="tile-title">{t(`pay.${i.id}`)}</span>
            <span class="tile-hint">{t(`pay.${i.id}Hint`)}</span>
          </button>
        ))}
      </div>
    </Screen>
  );
}
