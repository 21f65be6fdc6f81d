import { useApp } from '../context.ts';
import type { Locale } from '../i18n.ts';

/** The idle screen: one touch in either language starts a visitor session. */
export function Attract(props: { onStart: (l: Locale) => void; logoText: { ar: string; en: string } | undefined }) {
  const { t } = useApp();
  return (
    <main class="screen attract">
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
        <p class="muted">{t('attract.services')}</p>
      </div>
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
