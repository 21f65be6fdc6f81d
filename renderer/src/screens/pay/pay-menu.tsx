import { MenuTiles, type MenuItem } from '../../components/menu-tiles.tsx';
import { useApp } from '../../context.ts';
import { Screen } from '../../components/screen.tsx';

const ITEMS: MenuItem[] = [
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
  const { t } = useApp();
  return (
    <Screen title={t('pay.title')}>
      <MenuTiles items={ITEMS} keyPrefix="pay" testPrefix="pay" />
    </Screen>
  );
}
