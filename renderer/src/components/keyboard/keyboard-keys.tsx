import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../../context.ts';
import { isSpecial, layerRows, type KeyboardLanguage, type LayerName } from './layouts.ts';

/** What a key asks of the field it types into. */
export type KeyAction = { type: 'insert'; text: string } | { type: 'delete' } | { type: 'deleteWord' };

/** Held this long, delete removes a word, and then another each repeat period. */
export const LONG_PRESS_MS = 550;
const REPEAT_MS = 400;

/**
 * The keys: real buttons with names, in the tab order, for touch, switch and keyboard users.
 * A touch never takes the focus from the field (pointerdown is cancelled), so its caret stays.
 * It edits nothing itself: the field applies each action (see KeyboardField).
 */
export function KeyboardKeys(props: { onKey: (a: KeyAction) => void; language?: KeyboardLanguage; testId?: string }) {
  const { t, state } = useApp();
  const [lang, setLang] = useState<KeyboardLanguage>(props.language ?? state.locale);
  const [layer, setLayer] = useState<LayerName>('default');
  const onKey = useRef(props.onKey);
  onKey.current = props.onKey;
  const hold = useRef<{ timer?: ReturnType<typeof setTimeout>; fired: boolean }>({ fired: false });

  const stopHold = () => {
    clearTimeout(hold.current.timer);
    hold.current.timer = undefined;
  };
  useEffect(() => stopHold, []);

  function press(k: string) {
    switch (k) {
      case '{lang}':
        setLang(lang === 'ar' ? 'en' : 'ar');
        return setLayer('default');
      case '{num}':
        return setLayer('numbers');
      case '{abc}':
        return setLayer('default');
      case '{shift}':
        return setLayer(layer === 'shift' ? 'default' : 'shift');
      case '{bksp}':
        if (hold.current.fired) return void (hold.current.fired = false); // the long press already acted
        return onKey.current({ type: 'delete' });
      case '{space}':
        return onKey.current({ type: 'insert', text: ' ' });
      default:
        onKey.current({ type: 'insert', text: k });
        // Shift is one-shot, as on phones.
        if (layer === 'shift') setLayer('default');
    }
  }

  function holdDelete() {
    hold.current.fired = false;
    stopHold();
    const repeat = () => {
      hold.current.fired = true;
      onKey.current({ type: 'deleteWord' });
      hold.current.timer = setTimeout(repeat, REPEAT_MS);
    };
    hold.current.timer = setTimeout(repeat, LONG_PRESS_MS);
  }

  const names: Record<string, string> = { '{bksp}': t('keyboard.backspace'), '{shift}': t('keyboard.shift') };
  const faces: Record<string, string> = {
    '{bksp}': '⌫',
    '{space}': t('keyboard.space'),
    '{lang}': t('language.name', { lng: lang === 'ar' ? 'en' : 'ar' }),
    '{num}': t('keyboard.numbers', { lng: lang }),
    '{abc}': t('keyboard.letters', { lng: lang }),
    '{shift}': '⇧',
  };

  return (
    <div class="osk" role="group" aria-label={t('keyboard.label')} data-testid={props.testId ?? 'keyboard'} data-lang={lang} data-layer={layer} dir="ltr" lang={lang}>
      {layerRows(lang, layer).map((r, i) => (
        <div class="osk-row" key={`${lang}-${layer}-${i}`}>
          {r.map((k) => {
            const special = isSpecial(k);
            return (
              <button
                type="button"
                key={k}
                class={`osk-key ${special ? `osk-fn osk-${k.slice(1, -1)}` : ''} ${k === '{shift}' && layer === 'shift' ? 'osk-on' : ''}`}
                data-key={k}
                // Symbol faces get a name; worded faces are their own name (label in name, WCAG 2.5.3).
                aria-label={k === '{bksp}' || k === '{shift}' ? names[k] : undefined}
                aria-pressed={k === '{shift}' ? layer === 'shift' : undefined}
                aria-describedby={k === '{bksp}' ? 'osk-bksp-hint' : undefined}
                lang={k === '{lang}' ? (lang === 'ar' ? 'en' : 'ar') : undefined}
                onPointerDown={(e) => {
                  e.preventDefault(); // keep the focus (and the caret) in the field
                  if (k === '{bksp}') holdDelete();
                }}
                onPointerUp={stopHold}
                onPointerLeave={stopHold}
                onPointerCancel={stopHold}
                onClick={() => press(k)}
              >
                {special ? faces[k] : k}
              </button>
            );
          })}
        </div>
      ))}
      <span id="osk-bksp-hint" hidden>
        {t('keyboard.backspaceHint')}
      </span>
    </div>
  );
}
