import type { CatalogueService } from '../../../../main/shared/catalogue/schema.ts';
import { useApp } from '../../context.ts';
import { useCatalogue } from '../../catalogue-context.ts';
import { FinishButton, Screen } from '../../components/screen.tsx';
import { Money } from '../../components/money.tsx';
import { QrCode } from '../../components/qr-code.tsx';
import type { Screen as S } from '../../state.ts';

/** Where a service's "start" button leads, for services the kiosk completes itself. */
function journeyScreen(s: CatalogueService): S | undefined {
  switch (s.journey) {
    case 'payElectricityWater':
      return { name: 'account', service: 'electricityWater' };
    case 'payTelephone':
      return { name: 'account', service: 'telephone' };
    case 'payPaciFee':
      return { name: 'account', service: 'paciFee' };
    case 'payJusticeFee':
      return { name: 'account', service: 'justiceFee' };
    case 'payTrafficFines':
    case 'inquireTrafficFines':
      return { name: 'identify', next: 'trafficFines' };
    case 'inquireResidency':
      return { name: 'identify', next: 'residency' };
    case 'inquirePassport':
      return { name: 'identify', next: 'passport' };
    case 'inquireCivilIdCard':
      return { name: 'identify', next: 'civilIdCard' };
    case 'donateZakat':
      return { name: 'donation' };
    case 'complaint':
      return { name: 'complaint' };
    default:
      return s.channel === 'counterOnly' && s.counterGroup ? { name: 'ticket' } : undefined;
  }
}

/** A service procedure: description, conditions, steps, documents, fees, forms as QR codes. */
export function ServiceDetail(props: { serviceId: string }) {
  const { t, state, go } = useApp();
  const catalogue = useCatalogue();
  const l = state.locale;
  const s = catalogue?.services.find((x) => x.id === props.serviceId);
  if (!s || !catalogue) return <Screen title="">{null}</Screen>;
  const entity = catalogue.entities.find((e) => e.id === s.entityId);
  const next = journeyScreen(s);
  const Section = (p: { title: string; items: { ar: string; en: string }[]; ordered?: boolean }) =>
    p.items.length === 0 ? null : (
      <section class="section">
        <h2>{p.title}</h2>
        {p.ordered ? <ol>{p.items.map((i, n) => <li key={n}>{i[l]}</li>)}</ol> : <ul>{p.items.map((i, n) => <li key={n}>{i[l]}</li>)}</ul>}
      </section>
    );
  return (
    <Screen
      title={s.name[l]}
      testId="service-detail"
      actions={
        // Nothing to start here (an online or counter service without a queue): reading it is the end.
        !next ? (
          <FinishButton />
        ) : (
          <button type="button" class="btn btn-primary btn-wide btn-big" data-testid="start-service" onClick={() => go(next.name === 'ticket' ? { name: 'ticket' } : next)}>
            {t(next.name === 'ticket' ? 'catalogue.takeTicket' : 'catalogue.start')}
          </button>
        )
      }
    >
      <p class="muted">{entity?.name[l]}</p>
      <p>{s.description[l]}</p>
      <p class={`channel channel-${s.channel}`}>{t(`catalogue.channel_${s.channel}`)}</p>
      <Section title={t('catalogue.conditions')} items={s.conditions} />
      <Section title={t('catalogue.steps')} items={s.steps} ordered />
      <Section title={t('catalogue.documents')} items={s.requiredDocuments} />
      <section class="section">
        <h2>{t('catalogue.fees')}</h2>
        {s.fees.length === 0 && <p data-testid="no-fee">{t('visitor.noFee')}</p>}
        <dl class="summary" hidden={s.fees.length === 0}>
          {s.fees.map((f, n) => (
            <>
              <dt key={`l${n}`}>{f.label[l]}</dt>
              <dd key={`a${n}`}>{f.amountMinor === 0 ? t(f.variable ? 'visitor.feeVaries' : 'catalogue.free') : <Money value={{ amountMinor: f.amountMinor, currency: currencyOf(catalogue.profile) }} />}</dd>
            </>
          ))}
        </dl>
      </section>
      {s.forms.length > 0 && (
        <section class="section">
          <h2>{t('catalogue.forms')}</h2>
          <div class="qrs">
            {s.forms.map((f) => (
              <QrCode key={f.url} data={f.url} label={f.title[l]} />
            ))}
          </div>
        </section>
      )}
    </Screen>
  );
}

function currencyOf(profile: 'KW' | 'BH' | 'QA'): 'KWD' | 'BHD' | 'QAR' {
  return profile === 'KW' ? 'KWD' : profile === 'BH' ? 'BHD' : 'QAR';
}
