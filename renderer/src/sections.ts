import type { MenuItem } from './components/menu-tiles.tsx';

/** The portal's sections, in the order of the government portals; home and attract share them. */
export const SECTIONS: readonly MenuItem[] = [
  { id: 'procedures', icon: 'book', screen: { name: 'catalogue' } },
  { id: 'inquiries', icon: 'search', screen: { name: 'inquiryMenu' }, service: 'inquiries' },
  { id: 'payments', icon: 'card', screen: { name: 'payMenu' }, service: ['payBills', 'payFines', 'donation', 'reprint'] },
  { id: 'complaints', icon: 'mail', screen: { name: 'complaint' }, service: 'complaints' },
  { id: 'ticket', icon: 'ticket', screen: { name: 'ticket' }, service: 'ticket' },
  { id: 'awareness', icon: 'bulb', screen: { name: 'awareness' } },
];

/** The next slide of a carousel of `count`, wrapping round. */
export function nextSlide(index: number, count: number): number {
  return count <= 0 ? 0 : (index + 1) % count;
}
