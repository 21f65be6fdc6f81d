import { Icon } from '../../components/icon.tsx';
import { useApp } from '../../context.ts';
import { Screen } from '../../components/screen.tsx';
import type { InquiryKind } from '../../../../main/contract/api.ts';

const KINDS: { id: InquiryKind; icon: string }[] = [
  { id: 'trafficFines', icon: 'traffic' },
  { id: 'residency', icon: 'home' },
  { id: 'passport', icon: 'passport' },
  { id: 'civilIdCard', icon: 'id' },
];

/** E-services: inquiries by civil number. Offline they cannot run, and the screen says so. */
export function InquiryMenu() {
  const { t, go, state } = useApp();
  return (
    <Screen title={t('inquiry.title')}>
      {!state.online && (
        <p class="note warn" role="status" data-testid="inquiry-offline">
          {t('errors.offline')}
        </p>
      )}
      <div class="tiles">
        {KINDS.map((k) => (
          <button type="button" class="tile" key={k.id} disabled={!state.online} data-testid={`inquiry-${k.id}`} onClick={() => go({ name: 'identify', next: k.id })}>
            <span class="tile-icon"><Icon name={k.icon} /></span>
            <span class="tile-title">{t(`inquiry.${k.id}`)}</span>
          </button>
        ))}
      </div>
    </Screen>
  );
}
