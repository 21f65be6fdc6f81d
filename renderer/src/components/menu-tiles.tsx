import { Icon } from './icon.tsx';
import { useApp } from '../context.ts';
import type { Screen } from '../state.ts';

export interface MenuItem {
  id: string;
  icon: string;
  screen: Screen;
}

/**
 * A grid of large touch tiles, one per item: title (and hint) from `<keyPrefix>.<id>`
 * (`<keyPrefix>.<id>Hint`), test id `<testPrefix>-<id>`. Home, payments and inquiries share it.
 */
export function MenuTiles(props: { items: readonly MenuItem[]; keyPrefix: string; testPrefix: string; hints?: boolean; disabled?: boolean }) {
  const { t, go } = useApp();
  return (
    <div class="tiles">
      {props.items.map((i) => (
        <button type="button" class="tile" key={i.id} disabled={props.disabled} data-testid={`${props.testPrefix}-${i.id}`} onClick={() => go(i.screen)}>
          <span class="tile-icon">
            <Icon name={i.icon} />
          </span>
          <span class="tile-title">{t(`${props.keyPrefix}.${i.id}`)}</span>
          {props.hints !== false && <span class="tile-hint">{t(`${props.keyPrefix}.${i.id}Hint`)}</span>}
        </button>
      ))}
    </div>
  );
}
