import { useApp } from '../context.ts';
import { A11Y_MODES } from '../a11y/modes.ts';
import { Dialog } from './dialog.tsx';

/** The accessibility menu: each mode a switch; all of them end with the visitor session. */
export function A11yMenu() {
  const { t, state, dispatch } = useApp();
  return (
    <Dialog id="a11y" title={t('a11y.title')} testId="a11y-menu" class="a11y-card" onClose={() => dispatch({ type: 'overlay', overlay: undefined })}>
      <p class="muted">{t('a11y.intro')}</p>
      <div class="list a11y-list">
        {A11Y_MODES.map((m) => {
          const on = state.a11y[m];
          return (
            <button
              type="button"
              role="switch"
              aria-checked={on}
              aria-describedby={`a11y-${m}-hint`}
              class={`list-item switch ${on ? 'item-on' : ''}`}
              key={m}
              data-testid={`a11y-${m}`}
              onClick={() => dispatch({ type: 'a11y', modes: { [m]: !on } })}
            >
              <span class="switch-text">
                <span class="item-label">{t(`a11y.${m}`)}</span>
                <span class="muted" id={`a11y-${m}-hint`}>
                  {t(`a11y.${m}Hint`)}
                </span>
              </span>
              <span class={`switch-state ${on ? 'switch-on' : ''}`}>{t(on ? 'a11y.on' : 'a11y.off')}</span>
            </button>
          );
        })}
        {/* In the grid: on a wide screen it takes the free cell beside the last switch. */}
        <button type="button" class="btn btn-primary btn-wide" data-testid="a11y-close" onClick={() => dispatch({ type: 'overlay', overlay: undefined })}>
          {t('nav.close')}
        </button>
      </div>
    </Dialog>
  );
}
