import { useApp } from '../context.ts';

export type DeviceAction = 'card' | 'id' | 'receipt';

/**
 * Where on the kiosk to act while a device works: the front of the kiosk with its printer slot,
 * ID reader and card terminal, the one to use highlighted and the card, document or receipt
 * drawn at it. The still picture says it all; motion only adds a gentle nudge, and under
 * reduced motion (or with animations off) the card, document and receipt rest in place.
 * Devices sit where they are on the cabinet, so the picture is never mirrored.
 */
export function DeviceIllustration(props: { action: DeviceAction; /** A locale key for the caption instead of visitor.device.<action>. */ caption?: string }) {
  const { t } = useApp();
  const a = props.action;
  const on = (d: DeviceAction) => (a === d ? 'dev dev-on' : 'dev');
  return (
    <figure class="device-illustration" data-testid="device-illustration" data-action={a} dir="ltr">
      <svg viewBox="0 0 400 260" role="img" aria-label={t(`visitor.device.${a}`)} width="100%">
        <rect x="10" y="10" width="380" height="240" rx="18" class="dev-body" />
        {/* printer slot */}
        <g class={on('receipt')}>
          <rect x="40" y="58" width="100" height="14" rx="4" class="dev-part" />
          {a === 'receipt' && (
            <g class="dev-move dev-move-down">
              <rect x="58" y="72" width="64" height="96" class="dev-paper" />
              <path d="M68 92h44M68 108h44M68 124h30" class="dev-lines" />
            </g>
          )}
        </g>
        {/* ID reader glass */}
        <g class={on('id')}>
          <rect x="160" y="40" width="100" height="130" rx="8" class="dev-glass" />
          {a === 'id' && (
            <g class="dev-move dev-move-down">
              <rect x="170" y="70" width="80" height="54" rx="6" class="dev-card" />
              <rect x="178" y="80" width="20" height="26" class="dev-photo" />
              <path d="M206 84h36M206 96h36M178 114h64" class="dev-lines" />
            </g>
          )}
        </g>
        {/* card terminal */}
        <g class={on('card')}>
          <rect x="285" y="34" width="84" height="170" rx="12" class="dev-terminal" />
          <rect x="297" y="46" width="60" height="44" rx="4" class="dev-screen" />
          <path d="M305 104h8M323 104h8M341 104h8M305 120h8M323 120h8M341 120h8M305 136h8M323 136h8M341 136h8" class="dev-keys" />
          <rect x="297" y="186" width="60" height="8" rx="3" class="dev-slot" />
          {a === 'card' && (
            <g class="dev-move dev-move-up">
              <rect x="303" y="196" width="48" height="56" rx="5" class="dev-card dev-bank" />
              <rect x="310" y="204" width="12" height="10" rx="2" class="dev-chip" />
            </g>
          )}
        </g>
        {a !== 'card' && <path d={a === 'receipt' ? 'M90 182v52M78 222l12 12l12-12' : 'M210 14v22M198 26l12 12l12-12'} class="dev-arrow" />}
      </svg>
      <figcaption>{t(props.caption ?? `visitor.device.${a}`)}</figcaption>
    </figure>
  );
}
