import { useApp } from '../context.ts';
import type { Locale } from '../i18n.ts';

/** The idle screen: one touch in either language starts a visitor session. */
export function Attract(props: { onStart: (l: Locale) => void }) {
  const { t } = useApp();
  return (
    <main class="screen attract">
      <div class="brand">
        <div class="logo" aria-hidden="true">
          خ
        </div>
        <h1>
          <span lang="ar">خدمة</span> · <span lang="en">Khidma</span>
        </h1>
        <p>{t('app.tagline')}</p>
        <p class="muted">{t('attract.services')}</p>
      </div>
      <div class="lang-choice">
        <button type="button" class="btn btn-primary btn-huge" lang="ar" onClick={() => props.onStart('ar')}>
          ابدأ بالعربية
        </button>
        <button type="button" class="btn btn-primary btn-huge" lang="en" onClick={() => props.onStart('en')}>
          Start in English
        </button>
      </div>
    </main>
  );
}
