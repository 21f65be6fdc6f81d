import { Icon } from './icon.tsx';
import { useApp } from '../context.ts';
import type { Screen } from '../state.ts';
import { useContext } from 'preact/hooks';
import { AvailabilityContext, unavailable, type ServiceId } from '../screens/tech/availability-context.ts';

export interface MenuItem {
  id: string;
  icon: string;
  screen: Screen;
  /** The visitor service(s) behind the tile: unavailable (with the reason) when none can be served. */
  service?: ServiceId | readonly ServiceId[];
}

/**
 * A grid of large touch tiles, one per item: title (and hint) from `<keyPrefix>.<id>`
 * (`<keyPrefix>.<id>Hint`), test id `<testPrefix>-<id>`. Home, payments and inquiries share it.
 */
export function MenuTiles(props: { items: readonly MenuItem[]; keyPrefix: string; testPrefix: string; hints?: boolean; disabled?: boolean }) {
  const { t, go } = useApp();
  const services = useContext(AvailabilityContext);
  return (
    <div class="tiles">
      {props.items.map((i) => {
        const down = unavailable(services, i.service);
        return (
          <button type="button" class="tile" key={i.id} disabled={props.disabled || down !== undefined} data-testid={`${props.testPrefix}-${i.id}`} data-unavailable={down?.reason} onClick={() => go(i.screen)}>
            <span class="tile-icon">
              <Icon name={i.icon} />
            </span>
            <span class="tile-title">{t(`${props.keyPrefix}.${i.id}`)}</span>
            {down ? (
              <span class="tile-hint" role="note">{`${t('tech.unavailableTile')}: ${t(`tech.reason.${down.reason ?? 'internal'}`)}`}</span>
            ) : (
              props.hints !== false && <span class="tile-hint">{t(`${props.keyPrefix}.${i.id}Hint`)}</span>
            )}
          </button>
        );
      })}
    </div>
  );
}
