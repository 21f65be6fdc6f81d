import { MenuTiles, type MenuItem } from '../../components/menu-tiles.tsx';
import { useApp } from '../../context.ts';
import { Screen } from '../../components/screen.tsx';
import type { InquiryKind } from '../../../../main/contract/api.ts';

const ICONS: Record<InquiryKind, string> = { trafficFines: 'traffic', residency: 'home', passport: 'passport', civilIdCard: 'id' };
const KINDS: MenuItem[] = (Object.keys(ICONS) as InquiryKind[]).map((id) => ({ id, icon: ICONS[id], screen: { name: 'identify', next: id }, service: 'inquiries' as const }));

/** E-services: inquiries by civil number. Offline they cannot run, and the screen says so. */
export function InquiryMenu() {
  const { t, state } = useApp();
  return (
    <Screen title={t('inquiry.title')}>
      {!state.online && (
        <p class="note warn" role="status" data-testid="inquiry-offline">
          {t('errors.offline')}
        </p>
      )}
      <MenuTiles items={KINDS} keyPrefix="inquiry" testPrefix="inquiry" hints={false} disabled={!state.online} />
    </Screen>
  );
}
