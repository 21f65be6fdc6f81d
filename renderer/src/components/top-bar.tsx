import { useApp } from '../context.ts';
import { controlText, speak } from '../a11y/speech.ts';
import { Icon } from './icon.tsx';
import { DemoBadge } from './demo-badge.tsx';

/** "Read aloud": the heading of the panel in front, else of the screen, then the focused control. */
function screenSpeech(): string {
  const heading = (document.querySelector('.overlay h2') ?? document.querySelector('main h1'))?.textContent ?? '';
  const focused = document.activeElement?.closest('button');
  return focused && !focused.matches('[data-testid="nav-speak"]') ? `${heading}. ${controlText(focused)}` : heading;
}

/**
 * Always reachable, always one row in the same place: back, help, accessibility, language,
 * start over, connection state. Icons over short labels keep it on one line in both languages
 * and in large text.
 */
export function TopBar(props: { back?: boolean; /** While the terminal holds a payment: nothing that leaves the screen. */ paying?: boolean }) {
  const { t, state, dispatch, startOver, bridge } = useApp();
  const canBack = !props.paying && props.back !== false && state.stack.length > 1;
  const other = state.locale === 'ar' ? 'en' : 'ar';
  return (
    <header class="top-bar" data-testid="top-bar">
      <nav class="top-bar-row" aria-label={t('nav.label')}>
        {canBack && (
          <button type="button" class="btn btn-quiet nav-back" data-testid="nav-back" onClick={() => dispatch({ type: 'back' })}>
            <Icon name="back" size={26} /> <span>{t('nav.back')}</span>
          </button>
        )}
        <span class="top-bar-gap" />
        <button type="button" class="btn btn-quiet" data-testid="nav-help" aria-haspopup="dialog" onClick={() => dispatch({ type: 'overlay', overlay: 'help' })}>
          <Icon name="help" size={26} /> <span>{t('nav.help')}</span>
        </button>
        <button type="button" class="btn btn-quiet" data-testid="nav-a11y" aria-haspopup="dialog" onClick={() => dispatch({ type: 'overlay', overlay: 'a11y' })}>
          <Icon name="access" size={26} /> <span>{t('nav.a11y')}</span>
        </button>
        {state.a11y.speech && (
          <button type="button" class="btn btn-quiet" data-testid="nav-speak" onClick={() => speak(screenSpeech(), state.locale)}>
            <Icon name="speaker" size={26} /> <span>{t('nav.speak')}</span>
          </button>
        )}
        <button
          type="button"
          class="btn btn-quiet nav-language"
          lang={other}
          data-testid="nav-language"
          onClick={() => {
            dispatch({ type: 'locale', locale: other });
            void bridge.call('session.setLocale', { locale: other });
          }}
        >
          <Icon name="globe" size={26} /> <span>{t('language.name', { lng: other })}</span>
        </button>
        {!props.paying && (
          <button type="button" class="btn btn-quiet" data-testid="nav-start-over" onClick={startOver}>
            <Icon name="restart" size={26} /> <span>{t('nav.startOver')}</span>
          </button>
        )}
      </nav>
      <DemoBadge />
      <span class={`net ${state.online ? 'net-on' : 'net-off'}`} role="status" data-testid="net-status">
        {t(state.online ? 'status.online' : 'status.offline')}
      </span>
    </header>
  );
}
