import type { TechOverview } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';

/** Kiosk state and every service with the requirement that failed (CUSS required components). */
export function TechOverviewPanel(props: { overview: TechOverview }) {
  const { t } = useApp();
  const k = props.overview.kiosk;
  return (
    <section class="tech-section" aria-labelledby="tech-state-h">
      <h2 id="tech-state-h">{t('tech.kioskState')}</h2>
      <p class="note" data-testid="tech-kiosk-state" data-state={k.state}>
        {t(`tech.state.${k.state}`)}
        {k.reason ? ` — ${t(`tech.reason.${k.reason}`)}` : ''}
      </p>
      <h2>{t('tech.services')}</h2>
      <ul class="tech-list" data-testid="tech-services">
        {k.services.map((s) => (
          <li key={s.id} class={`tech-item ${s.available ? 'ok' : 'bad'}`} data-testid={`tech-service-${s.id}`} data-available={String(s.available)}>
            <strong>{t(`tech.service.${s.id}`)}</strong>
            <span>{s.available ? t('tech.serviceOk') : t('tech.serviceDown', { reason: t(`tech.reason.${s.reason ?? 'internal'}`) })}</span>
            {s.failed.map((f) => (
              <span class="muted" key={f.requirement}>
                {t('tech.failedRequirement', { requirement: t(`tech.requirement.${f.requirement}`), state: f.state })}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
