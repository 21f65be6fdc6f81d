import { useApp } from '../context.ts';
import { current } from '../state.ts';
import { Dialog } from './dialog.tsx';

/** What the current screen is for and how to use it, in the visitor's language. */
export function HelpOverlay() {
  const { t, state, dispatch } = useApp();
  const screen = current(state).name;
  return (
    <Dialog id="help" title={t('help.title')} testId="help-overlay" onClose={() => dispatch({ type: 'overlay', overlay: undefined })}>
      <p data-testid="help-screen" data-screen={screen}>
        {t(`help.${screen}`)}
      </p>
      <p class="muted">{t('help.general')}</p>
      <button type="button" class="btn btn-primary btn-wide" data-testid="help-close" onClick={() => dispatch({ type: 'overlay', overlay: undefined })}>
        {t('nav.close')}
      </button>
    </Dialog>
  );
}
