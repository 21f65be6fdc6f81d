export {
  catalogueSchema,
  parseCatalogue,
  formatPath,
  type Catalogue,
  type CatalogueEntity,
  type CatalogueCategory,
  type CatalogueService,
  type ComplaintType,
  type AwarenessTip,
  type ServiceFee,
  type LocalisedText,
  type ParseCatalogueResult,
} from './schema.ts';
export {
  CHANNELS,
  JOURNEYS,
  PAYMENT_JOURNEYS,
  PROFILE_IDS,
  isPaymentJourney,
  type Channel,
  type JourneyId,
  type PaymentJourneyId,
} from './vocabulary.ts';
export {
  CatalogueStore,
  BUNDLED_CATALOGUE_DIR,
  type CatalogueStoreOptions,
  type CatalogueSource,
  type OfferResult,
} from './catalogue-store.ts';
export { createSearchIndex, type SearchIndex, type SearchResult, type SearchLocale } from './search.ts';
export { normaliseText, tokenise } from './normalise.ts';
export {
  textIn,
  findService,
  findEntity,
  servicesInCategory,
  servicesOfEntity,
  servicesForJourney,
  complaintEntities,
  minimumFeeMinor,
} from './queries.ts';
