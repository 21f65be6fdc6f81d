import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Catalogue } from '../../main/shared/catalogue/schema.ts';

/** The service catalogue as the core holds it (bundled, cached or updated from the gateway). */
export const CatalogueContext = createContext<Catalogue | undefined>(undefined);

export function useCatalogue(): Catalogue | undefined {
  return useContext(CatalogueContext);
}
