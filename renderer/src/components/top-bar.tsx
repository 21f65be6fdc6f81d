import { useApp } from '../context.ts';

/** Always reachable: back, start over, language, connection state. */
export function TopBar(props: { back?: boolean }) {
  const { t, state, dispatch, startOver, bridge } = useApp();
  const canBack = props.back !== false && state.stack.length > 2;
  const other = state.locale === 'ar' ? 'en' : 'ar';
  return (
    <header class="top-bar">
      {canBack ? (
        <button type="button" class="btn btn-quiet nav-back" onClick={() => dispatch({ type: 'back' })}>
          <span class="icon-dir" aria-hidden="true">
            ›
          </span>{' '}
          {t('nav.back')}
        </button>
      ) : (
        <span />
      )}
      <span class={`net ${state.online ? 'net-on' : 'net-off'}`} role="status" data-testid="net-status">
        {t(state.online ? 'status.online' : 'status.offline')}
      </span>
      <button
        type="button"
        class="btn btn-quiet"
        lang={other}
        onClick={() => {
          dispatch({ type: 'locale', locale: other });
          void bridge.call('session.setLocale', { locale: other });
        }}
      >
        {t('language.name', { lng: other })}
      </button>
      <button type="button" class="btn btn-quiet" onClick={startOver}>
        {t('nav.startOver')}
      </button>
    </header>
  );
}
