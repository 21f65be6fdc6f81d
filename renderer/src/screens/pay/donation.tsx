import { useState } from 'preact/hooks';
import { useApp } from '../../context.ts';
import { Busy, Screen } from '../../components/screen.tsx';
import { Entry, Keypad } from '../../components/keypad.tsx';
import { Money } from '../../components/money.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { amountInWords } from '../../amount-words.ts';
import type { DonationLimits } from '../../../../main/contract/api.ts';

const FUNDS = ['zakat', 'sadaqa', 'orphans'] as const;
const PRESETS = [5, 10, 25, 50, 100];

/**
 * Zakat House donation: a fund, a preset or a custom amount in whole currency units, within the
 * fund's limit; above the confirmation threshold the amount is read back in words first.
 */
export function Donation(props: { currency: 'KWD' | 'BHD' | 'QAR'; minorDigits: number; limits: DonationLimits | undefined }) {
  const { t, state, run, go, fmt } = useApp();
  const [fund, setFund] = useState<(typeof FUNDS)[number]>('zakat');
  const [custom, setCustom] = useState('');
  const [preset, setPreset] = useState<number | undefined>(10);
  const [confirming, setConfirming] = useState(false);
  const unit = 10 ** props.minorDigits;
  const major = custom ? Number(custom) : preset;
  const amountMinor = major ? major * unit : 0;
  const maxMinor = props.limits?.maxMinor[fund];
  const overLimit = maxMinor !== undefined && amountMinor > maxMinor;
  const money = (minor: number) => ({ amountMinor: minor, currency: props.currency });
  const fmtMoney = (minor: number) => fmt.money(money(minor));

  async function prepare() {
    setConfirming(false);
    const payable = await run('donation.prepare', { fundId: fund, amountMinor });
    if (payable) go({ name: 'paySummary', payables: [payable] });
  }
  const next = () => (props.limits && amountMinor > props.limits.confirmAboveMinor ? setConfirming(true) : void prepare());

  return (
    <Screen
      title={t('donation.title')}
      testId="donation"
      step={{ journey: 'pay', at: 0 }}
      actions={
        <>
          <Entry
            id="donation-custom"
            label={t('donation.custom')}
            value={custom}
            testId="donation-custom"
            hint={overLimit && maxMinor !== undefined ? t('visitor.donation.overLimit', { max: fmtMoney(maxMinor) }) : !amountMinor ? t('visitor.donation.chooseAmount') : undefined}
          />
          <Keypad value={custom} maxLength={5} onChange={(v) => setCustom(v.replace(/^0+/, ''))} />
          {state.busy ? (
            <Busy label={t('common.wait')} />
          ) : (
            <button type="button" class="btn btn-primary btn-wide btn-big" disabled={!amountMinor || overLimit} aria-describedby={!amountMinor || overLimit ? 'donation-custom-hint' : undefined} onClick={next} data-testid="donation-next">
              {t('donation.next')} {amountMinor > 0 && <Money value={money(amountMinor)} />}
            </button>
          )}
        </>
      }
    >
      <div class="choice-row" role="radiogroup" aria-label={t('donation.fund')}>
        {FUNDS.map((f) => (
          <button type="button" role="radio" aria-checked={fund === f} class={`chip ${fund === f ? 'chip-on' : ''}`} key={f} data-testid={`fund-${f}`} onClick={() => setFund(f)}>
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
            class={`chip chip-amount ${!custom && preset === p ? 'chip-on' : ''}`}
            key={p}
            data-testid={`preset-${p}`}
            onClick={() => {
              setCustom('');
              setPreset(p);
            }}
          >
            <Money value={money(p * unit)} />
          </button>
        ))}
      </div>
      {maxMinor !== undefined && (
        <p class="muted" data-testid="donation-limit">
          {t('visitor.donation.limit', { max: fmtMoney(maxMinor) })}
        </p>
      )}
      {confirming && major !== undefined && (
        <Dialog id="donation-confirm" title={t('visitor.donation.confirmTitle')} testId="donation-confirm" role="alertdialog" onClose={() => setConfirming(false)}>
          <p class="amount-big">
            <Money value={money(amountMinor)} />
          </p>
          <p class="amount-words" data-testid="amount-words">
            {amountInWords(major, props.currency, state.locale)}
          </p>
          <p>{t('visitor.donation.confirmFund', { fund: t(`donation.${fund}`) })}</p>
          <button type="button" class="btn btn-primary btn-wide btn-big" data-testid="donation-confirm-yes" onClick={() => void prepare()}>
            {t('visitor.donation.confirmYes')}
          </button>
          <button type="button" class="btn btn-quiet btn-wide" data-testid="donation-confirm-change" onClick={() => setConfirming(false)}>
            {t('visitor.donation.confirmChange')}
          </button>
        </Dialog>
      )}
    </Screen>
  );
}
