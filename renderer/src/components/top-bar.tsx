import { useApp } from '../context.ts';

/** Always-reachable navigation: back, start over, connection state. */
export function TopBar(props: { onBack?: () => void }) {
  const { t, state, startOver } = useApp();
  return (
    <header class="top-bar">
      {props.onBack ? (
        <button type="button" class="btn btn-quiet nav-back" onClick={props.onBack}>
          <span class="icon-dir" aria-hidden="true">
            ‹
          </span>{' '}
          {t('nav.back')}
        </button>
      ) : (
        <span />
      )}
      <span class={`net ${state.online ? 'net-on' : 'net-off'}`} role="status" data-testid="net-status">
        {t(state.online ? 'status.online' : 'status.offline')}
      </span>
      <button type="button" class="btn btn-quiet" onClick={startOver}>
        {t('nav.startOver')}
      </button>
    </header>
  );
}
