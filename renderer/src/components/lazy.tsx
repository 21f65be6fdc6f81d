import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A screen whose code loads on first use (dynamic import), so rarely used screens and their
 * libraries (the on-screen keyboard, the QR encoder, the search index) stay out of the first bundle.
 * The browser caches the module; later visits resolve it in a microtask, before paint.
 */
export function lazyScreen<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> {
  return function LazyScreen(props: P) {
    const [Loaded, setLoaded] = useState<FunctionComponent<P> | undefined>(undefined);
    useEffect(() => {
      let live = true;
      void load().then((c) => live && setLoaded(() => c));
      return () => {
        live = false;
      };
    }, []);
    return Loaded ? <Loaded {...props} /> : <main class="screen" aria-busy="true" data-testid="loading" />;
  };
}
