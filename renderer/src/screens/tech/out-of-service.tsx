import { useApp } from '../../context.ts';
import './entry.css';

/** Shown instead of the attract screen when no visitor service can be served (both languages at once). */
export function OutOfService() {
  const { t } = useApp();
  return (
    <main class="screen out-of-service" data-testid="out-of-service">
      {(['ar', 'en'] as const).map((l) => (
        <section lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'} key={l}>
          <h1>{t('tech.outOfService', { lng: l })}</h1>
          <p>{t('tech.outOfServiceBody', { lng: l })}</p>
        </section>
      ))}
    </main>
  );
}
