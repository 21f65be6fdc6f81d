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
} from '../shared/catalogue/schema.ts';
export {
  CHANNELS,
  JOURNEYS,
  PAYMENT_JOURNEYS,
  PROFILE_IDS,
  isPaymentJourney,
  type Channel,
  type JourneyId,
  type PaymentJourneyId,
} from '../shared/catalogue/vocabulary.ts';
export {
  CatalogueStore,
  BUNDLED_CATALOGUE_DIR,
  type CatalogueStoreOptions,
  type CatalogueSource,
  type OfferResult,
} from './catalogue-store.ts';
export { createSearchIndex, type SearchIndex, type SearchResult, type SearchLocale } from '../shared/catalogue/search.ts';
export { normaliseText, tokenise } from '../shared/catalogue/normalise.ts';
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
