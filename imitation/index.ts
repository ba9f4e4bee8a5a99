// Local imitations of real sites, served on 127.0.0.1 for the tests, the benchmarks and the demo.

export { actDocumentLines, actPdfPath } from './court-portal/act-documents.ts';
export type { PortalAct, PortalCase, PortalData } from './court-portal/portal-fixture.ts';
export { type PortalVariant, VARIANTS, type VariantName } from './court-portal/portal-variant.ts';
export {
  type CourtPortal,
  type CourtPortalOptions,
  type FaultKind,
  type PortalFault,
  type PortalStats,
  startCourtPortal,
} from './court-portal/start-court-portal.ts';
export { HISTORY_EVENTS, UI_TEXT } from './court-portal/ui-text.ts';
export { type BenchSites, startBenchSites } from './news-sites/bench-site.ts';
export {
  type ImitationArticle,
  LATE_ARTICLES,
  NEWS_ARTICLES,
  type OutletKey,
} from './news-sites/news-articles.ts';
export {
  ERTIS_ARTICLES,
  type OtherArticle,
  type OtherOutlets,
  QALAM_ARTICLES,
  startOtherOutlets,
} from './news-sites/other-outlets.ts';
export {
  type FleetRequest,
  type HostStats,
  type OutletFleet,
  type OutletFleetOptions,
  startOutletFleet,
} from './news-sites/outlet-fleet.ts';
export {
  type LoggedRequest,
  NEWS_SITE_FAULTS,
  type NewsSites,
  type NewsSitesOptions,
  type SiteKey,
  startNewsSites,
} from './news-sites/start-news-sites.ts';
