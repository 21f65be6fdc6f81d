import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { nextSlide, SECTIONS } from '../sections.ts';
import { Icon } from './icon.tsx';

const SLIDE_MS = 5000;

function useReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const mq = matchMedia(query);
    const on = () => setReduced(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return reduced;
}

/**
 * The attract loop: the portal's sections one after another, in both languages. With reduced
 * motion it does not move at all: every section is listed still. It can be paused (WCAG 2.2.2).
 */
export function ServiceCarousel() {
  const { t, fmt } = useApp();
  const reduced = useReducedMotion();
  const [index, setIndex] = useState(0);
  const [paused, setPaused] = useState(false);

  useEffect(() => {
    if (reduced || paused) return;
    const timer = setInterval(() => setIndex((i) => nextSlide(i, SECTIONS.length)), SLIDE_MS);
    return () => clearInterval(timer);
  }, [reduced, paused]);

  const slide = (s: (typeof SECTIONS)[number]) => (
    <>
      <span class="tile-icon"><Icon name={s.icon} size={56} /></span>
      <span class="slide-title">
        <span lang="ar">{t(`home.${s.id}`, { lng: 'ar' })}</span>
        <span lang="en">{t(`home.${s.id}`, { lng: 'en' })}</span>
      </span>
      <span class="tile-hint">
        <span lang="ar">{t(`home.${s.id}Hint`, { lng: 'ar' })}</span> · <span lang="en">{t(`home.${s.id}Hint`, { lng: 'en' })}</span>
      </span>
    </>
  );

  if (reduced) {
    return (
      <ul class="carousel-still" aria-label={t('attract.carousel')} data-testid="carousel" data-mode="still">
        {SECTIONS.map((s) => (
          <li class="slide" key={s.id}>
            {slide(s)}
          </li>
        ))}
      </ul>
    );
  }
  const s = SECTIONS[index] ?? SECTIONS[0]!;
  return (
    <section class="carousel" aria-roledescription="carousel" aria-label={t('attract.carousel')} data-testid="carousel" data-mode="cycle" data-index={index}>
      {/* Keyed so each slide enters with the (motion-safe) fade. */}
      <div class="slide slide-enter" key={s.id} role="group" aria-roledescription="slide" aria-label={t('attract.slide', { n: fmt.number(index + 1), total: fmt.number(SECTIONS.length) })}>
        {slide(s)}
      </div>
      <div class="carousel-dots" aria-hidden="true">
        {SECTIONS.map((d, i) => (
          <span key={d.id} class={i === index ? 'dot dot-on' : 'dot'} />
        ))}
      </div>
      <button type="button" class="btn btn-quiet carousel-pause" data-testid="carousel-pause" aria-pressed={paused} onClick={() => setPaused(!paused)}>
        {t(paused ? 'attract.play' : 'attract.pause')}
      </button>
    </section>
  );
}
