import type { LineSettings } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';

const BAUDS = [9600, 19200, 38400, 57600, 115200] as const;

/** Line settings chosen by touch: one row of large toggle buttons per setting, no typing. */
export function LineSettingsPicker(props: { value: LineSettings; onChange: (v: LineSettings) => void }) {
  const { t } = useApp();
  const v = props.value;
  const row = <K extends keyof LineSettings>(key: K, label: string, options: readonly LineSettings[K][], text: (o: LineSettings[K]) => string) => (
    <div class="tech-row" role="group" aria-label={label}>
      <span class="tech-row-label">{label}</span>
      {options.map((o) => (
        <button type="button" key={String(o)} class={`btn ${v[key] === o ? 'btn-primary' : 'btn-quiet'}`} aria-pressed={v[key] === o} data-testid={`line-${key}-${String(o)}`} onClick={() => props.onChange({ ...v, [key]: o })}>
          {text(o)}
        </button>
      ))}
    </div>
  );
  return (
    <fieldset class="tech-line">
      <legend>{t('tech.chooseLine')}</legend>
      {row('baudRate', t('tech.baud'), BAUDS, String)}
      {row('parity', t('tech.parity'), ['none', 'even', 'odd'] as const, (p) => t(`tech.parityValue.${p}`))}
      {row('stopBits', t('tech.stopBits'), [1, 2] as const, String)}
      {row('rtscts', t('tech.flow'), [false, true] as const, (f) => t(f ? 'tech.on' : 'tech.off'))}
    </fieldset>
  );
}
