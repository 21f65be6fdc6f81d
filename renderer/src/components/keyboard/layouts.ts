/**
 * On-screen keyboard layouts, as data. Rows are listed left to right as they sit on the glass,
 * whatever the language: the Arabic rows follow the standard Arabic (101) keyboard and phone
 * layouts, so ض is at the left end of the top letter row. Special keys are in braces.
 */
export type KeyboardLanguage = 'ar' | 'en';
export type LayerName = 'default' | 'shift' | 'numbers';

export const SPECIAL = ['{bksp}', '{space}', '{lang}', '{num}', '{abc}', '{shift}'] as const;
export type SpecialKey = (typeof SPECIAL)[number];

export const isSpecial = (k: string): k is SpecialKey => (SPECIAL as readonly string[]).includes(k);

const row = (s: string): string[] => s.split(' ');

export const LAYOUTS: Record<KeyboardLanguage, Partial<Record<LayerName, string[][]>>> = {
  ar: {
    default: [
      row('١ ٢ ٣ ٤ ٥ ٦ ٧ ٨ ٩ ٠ {bksp}'),
      row('ض ص ث ق ف غ ع ه خ ح ج د'),
      row('ش س ي ب ل ا ت ن م ك ط ذ'),
      row('ئ ء ؤ ر لا ى ة و ز ظ أ إ آ'),
      row('{lang} {num} {space} . ، ؟'),
    ],
    numbers: [row('١ ٢ ٣ ٤ ٥ ٦ ٧ ٨ ٩ ٠ {bksp}'), row('1 2 3 4 5 6 7 8 9 0'), row('- / : ( ) @ ! ؛ "'), row('{lang} {abc} {space} . ، ؟')],
  },
  en: {
    default: [
      row('1 2 3 4 5 6 7 8 9 0 {bksp}'),
      row('q w e r t y u i o p'),
      row('a s d f g h j k l'),
      row('{shift} z x c v b n m'),
      row("{lang} {num} {space} . , ? ' -"),
    ],
    shift: [
      row('1 2 3 4 5 6 7 8 9 0 {bksp}'),
      row('Q W E R T Y U I O P'),
      row('A S D F G H J K L'),
      row('{shift} Z X C V B N M'),
      row("{lang} {num} {space} . , ? ' -"),
    ],
    numbers: [row('1 2 3 4 5 6 7 8 9 0 {bksp}'), row('/ : ; ( ) @ & "'), row('! # % + = _ *'), row("{lang} {abc} {space} . , ? ' -")],
  },
};

/** The rows of a layer, falling back to the default layer. */
export function layerRows(lang: KeyboardLanguage, layer: LayerName): string[][] {
  const l = LAYOUTS[lang];
  return l[layer] ?? l.default!;
}
