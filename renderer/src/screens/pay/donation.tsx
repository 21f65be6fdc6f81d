import { useState } from 'preact/hooks';
import { useApp } from '../../context.ts';
import { Busy, Screen } from '../../components/screen.tsx';
import { Keypad } from '../../components/keypad.tsx';
import { Money } from '../../components/money.tsx';

const FUNDS = ['zakat', 'sadaqa', 'orphans'] as const;
const PRESETS = [5, 10, 25, 50, 100];

/** Zakat House donation: a fund, a preset or a custom amount in whole currency units. */
export function Donation(props: { currency: 'KWD' | 'BHD' | 'QAR'; minorDigits: number }) {
  const { t, state, run, go } = useApp();
  const [fund, setFund] = useState<(typeof FUNDS)[number]>('zakat');
  const [custom, setCustom] = useState('');
  const [preset, setPreset] = useState<number | undefined>(10);
  const major = custom ? Number(custom) : preset;
  const amountMinor = major ? major * 10 ** props.minorDigits : 0;

  async function next() {
    const payable = await run('donation.prepare', { fundId: fund, amountMinor });
    if (payable) go({ name: 'paySummary', payables: [payable] });
  }

  return (
    <Screen title={t('donation.title')} testId="donation">
      <div class="choice-row" role="radiogroup" aria-label={t('donation.fund')}>
        {FUNDS.map((f) => (
          <button type="button" role="radio" aria-checked={fund === f} class={`chip ${fund === f ? 'chip-on' : ''}`} key={f} onClick={() => setFund(f)}>
            {t(`donation.${f}`)}
          </button>
        ))}
      </div>
      <div class="choice-row" role="radiogroup" aria-label={t('donation.amount')}>
        {PRESETS.map((p) => (
          <button
            type="button"
            role="radio"
            aria-checked={!custom && preset === p}
            class={`chip ${!custom && preset === p ? 'chip-on' : ''}`}
            key={p}
            data-testid={`preset-${p}`}
            onClick={() => {
              setCustom('');
              setPreset(p);
            }}
          >
            <Money value={{ amountMinor: p * 10 ** props.minorDigits, currency: props.currency }} />
          </button>
        ))}
      </div>
      <p class="muted">{t('donation.custom')}</p>
      <output class="entry" dir="ltr" data-testid="donation-custom">
        {custom || '\u00a0'}
      </output>
      <Keypad value={custom} maxLength={5} onChange={(v) => setCustom(v.replace(/^0+/, ''))} />
      {state.busy ? (
        <Busy label={t('common.wait')} />
      ) : (
        <button type="button" class="btn btn-primary btn-wide" disabled={!amountMinor} onClick={next} data-testid="donation-next">
          {t('donation.next')}
        </button>
      )}
    </Screen>
  );
}
