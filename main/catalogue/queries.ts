import type { Catalogue, CatalogueEntity, CatalogueService, LocalisedText } from '../shared/catalogue/schema.ts';
import type { JourneyId } from '../shared/catalogue/vocabulary.ts';

/** Small read helpers the screens need; pure, so the renderer can use them on a received catalogue. */

export const textIn = (text: LocalisedText, locale: 'ar' | 'en'): string => text[locale];

export const findService = (cat: Catalogue, serviceId: string): CatalogueService | undefined =>
  cat.services.find((s) => s.id === serviceId);

export const findEntity = (cat: Catalogue, entityId: string): CatalogueEntity | undefined =>
  cat.entities.find((e) => e.id === entityId);

/** Services of one category, in catalogue order (the order the data chose for the screen). */
export const servicesInCategory = (cat: Catalogue, categoryId: string): CatalogueService[] =>
  cat.services.filter((s) => s.categoryId === categoryId);

export const servicesOfEntity = (cat: Catalogue, entityId: string): CatalogueService[] =>
  cat.services.filter((s) => s.entityId === entityId);

export const servicesForJourney = (cat: Catalogue, journey: JourneyId): CatalogueService[] =>
  cat.services.filter((s) => s.journey === journey);

/** Entities a visitor can file a complaint with, for the complaint journey's first screen. */
export const complaintEntities = (cat: Catalogue): CatalogueEntity[] =>
  cat.entities.filter((e) => e.complaintTypes.length > 0);

/** Sum of the fixed fees in minor units; variable fees contribute their minimum. */
export const minimumFeeMinor = (service: CatalogueService): number =>
  service.fees.reduce((sum, f) => sum + f.amountMinor, 0);
