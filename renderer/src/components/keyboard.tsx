import { useEffect, useRef } from 'preact/hooks';
// The package's ESM build (its main entry is a CommonJS bundle that Vite's interop mis-reads).
import Keyboard from 'simple-keyboard/build/index.modern.esm.js';
import 'simple-keyboard/build/css/index.css';
import { useApp } from '../context.ts';

/**
 * Kiosk layouts: no tab, no OS keys; Arabic follows the standard Arabic keyboard rows. Each
 * language has a numeric pad ({num} / {abc}) with its own digits.
 */
const LAYOUTS: Record<'ar' | 'en', Record<string, string[]>> = {
  ar: {
    default: ['١ ٢ ٣ ٤ ٥ ٦ ٧ ٨ ٩ ٠', 'ض ص ث ق ف غ ع ه خ ح ج د', 'ش س ي ب ل ا ت ن م ك ط ذ', 'ئ ء ؤ ر لا ى ة و ز ظ أ إ', '{lang} {num} {space} . ، ؟ {bksp}'],
    numbers: ['١ ٢ ٣', '٤ ٥ ٦', '٧ ٨ ٩', '{abc} ٠ {bksp}'],
  },
  en: {
    default: ['1 2 3 4 5 6 7 8 9 0', 'q w e r t y u i o p', 'a s d f g h j k l', '{shift} z x c v b n m {bksp}', "{lang} {num} {space} . , ? ' -"],
    shift: ['1 2 3 4 5 6 7 8 9 0', 'Q W E R T Y U I O P', 'A S D F G H J K L', '{shift} Z X C V B N M {bksp}', "{lang} {num} {space} . , ? ' -"],
    numbers: ['1 2 3', '4 5 6', '7 8 9', '{abc} 0 {bksp}'],
  },
};

/** What the special keys show, in the screen's language. */
const labels = (t: (k: string) => string) => ({ '{bksp}': '⌫', '{space}': t('keyboard.space'), '{lang}': t('keyboard.switch'), '{shift}': '⇧', '{num}': t('keyboard.numbers'), '{abc}': t('keyboard.letters') });

/**
 * The on-screen keyboard (simple-keyboard): Arabic and English, switchable, so the OS
 * keyboard is never needed. The field value lives in the parent; this only edits it.
 */
export function OnScreenKeyboard(props: { value: string; onChange: (v: string) => void; maxLength: number; layout?: 'ar' | 'en' }) {
  const { t, state } = useApp();
  const host = useRef<HTMLDivElement>(null);
  const kb = useRef<Keyboard | null>(null);
  const layoutRef = useRef<'ar' | 'en'>(props.layout ?? state.locale);
  const value = useRef(props.value);
  value.current = props.value;
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;

  useEffect(() => {
    const keyboard = new Keyboard(host.current!, {
      layout: LAYOUTS[layoutRef.current],
      layoutName: 'default',
      rtl: layoutRef.current === 'ar',
      display: labels(t),
      maxLength: props.maxLength,
      preventMouseDownDefault: true,
      onKeyPress: (button: string) => {
        if (button === '{lang}') {
          layoutRef.current = layoutRef.current === 'ar' ? 'en' : 'ar';
          keyboard.setOptions({ layout: LAYOUTS[layoutRef.current], layoutName: 'default', rtl: layoutRef.current === 'ar' });
          return;
        }
        if (button === '{num}' || button === '{abc}') {
          keyboard.setOptions({ layoutName: button === '{num}' ? 'numbers' : 'default' });
          return;
        }
        if (button === '{shift}') {
          const next = keyboard.options.layoutName === 'shift' ? 'default' : 'shift';
          if (layoutRef.current === 'en') keyboard.setOptions({ layoutName: next });
          return;
        }
        const v = value.current;
        if (button === '{bksp}') onChange.current([...v].slice(0, -1).join(''));
        else if (button === '{space}') onChange.current(v.length < props.maxLength ? `${v} ` : v);
        else if ([...v].length < props.maxLength) onChange.current(v + button);
      },
    });
    kb.current = keyboard;
    return () => keyboard.destroy(); // built once; refs carry the latest props
  }, []);

  // Key labels follow the screen language when the visitor switches it.
  useEffect(() => {
    kb.current?.setOptions({
      display: labels(t),
    });
  }, [state.locale, t]);

  // The keys are not focusable (they never steal focus from the field); the group names them.
  return <div class="osk" ref={host} role="group" aria-label={t('keyboard.label')} data-testid="keyboard" />;
}
