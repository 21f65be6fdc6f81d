import { MenuTiles, type MenuItem } from '../../components/menu-tiles.tsx';
import { useApp } from '../../context.ts';
import { Screen } from '../../components/screen.tsx';

const ITEMS: MenuItem[] = [
  { id: 'trafficFines', icon: 'traffic', screen: { name: 'identify', next: 'trafficFines' }, service: 'payFines' },
  { id: 'electricityWater', icon: 'bolt', screen: { name: 'account', service: 'electricityWater' }, service: 'payBills' },
  { id: 'telephone', icon: 'phone', screen: { name: 'account', service: 'telephone' }, service: 'payBills' },
  { id: 'paciFee', icon: 'id', screen: { name: 'account', service: 'paciFee' }, service: 'payBills' },
  { id: 'justiceFee', icon: 'scale', screen: { name: 'account', service: 'justiceFee' }, service: 'payBills' },
  { id: 'zakat', icon: 'heart', screen: { name: 'donation' }, service: 'donation' },
  { id: 'reprint', icon: 'receipt', screen: { name: 'reprint' }, service: 'reprint' },
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
