import type { Screen } from './state.ts';

/** The portal's sections, in the order of the government portals; home and attract share them. */
export const SECTIONS: readonly { id: string; icon: string; screen: Screen }[] = [
  { id: 'procedures', icon: 'book', screen: { name: 'catalogue' } },
  { id: 'inquiries', icon: 'search', screen: { name: 'inquiryMenu' } },
  { id: 'payments', icon: 'card', screen: { name: 'payMenu' } },
  { id: 'complaints', icon: 'mail', screen: { name: 'complaint' } },
  { id: 'ticket', icon: 'ticket', screen: { name: 'ticket' } },
  { id: 'awareness', icon: 'bulb', screen: { name: 'awareness' } },
];

/** The next slide of a carousel of `count`, wrapping round. */
export function nextSlide(index: number, count: number): number {
  return count <= 0 ? 0 : (index + 1) % count;
}
