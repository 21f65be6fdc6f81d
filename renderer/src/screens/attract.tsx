import { useApp } from '../context.ts';
import type { Locale } from '../i18n.ts';
import { ServiceCarousel } from '../components/carousel.tsx';
import { Icon } from '../components/icon.tsx';

/** The idle screen: the services cycling, and one touch in either language starts a session. */
export function Attract(props: { onStart: (l: Locale) => void; logoText: { ar: string; en: string } | undefined }) {
  const { t, dispatch } = useApp();
  return (
    <main class="screen attract" data-testid="attract">
      <div class="attract-tools">
        <button type="button" class="btn btn-quiet" data-testid="nav-a11y" aria-haspopup="dialog" onClick={() => dispatch({ type: 'overlay', overlay: 'a11y' })}>
          <Icon name="access" size={24} /> <span lang="ar">{t('nav.a11y', { lng: 'ar' })}</span> · <span lang="en">{t('nav.a11y', { lng: 'en' })}</span>
        </button>
        <button type="button" class="btn btn-quiet" data-testid="nav-help" aria-haspopup="dialog" onClick={() => dispatch({ type: 'overlay', overlay: 'help' })}>
          <Icon name="help" size={24} /> <span lang="ar">{t('nav.help', { lng: 'ar' })}</span> · <span lang="en">{t('nav.help', { lng: 'en' })}</span>
        </button>
      </div>
      <div class="brand">
        <div class="logo" aria-hidden="true">
          {t('app.brand', { lng: 'ar' }).slice(0, 1)}
        </div>
        <div class="country" data-testid="country">
          {props.logoText ? `${props.logoText.ar} · ${props.logoText.en}` : ''}
        </div>
        <h1>
          <span lang="ar">{t('app.brand', { lng: 'ar' })}</span> · <span lang="en">{t('app.brand', { lng: 'en' })}</span>
        </h1>
        <p>{t('app.tagline')}</p>
      </div>
      <ServiceCarousel />
      <div class="lang-choice">
        {(['ar', 'en'] as const).map((l) => (
          <button type="button" class="btn btn-primary btn-huge" lang={l} key={l} onClick={() => props.onStart(l)}>
            {t('language.start', { lng: l })}
          </button>
        ))}
      </div>
    </main>
  );
}
