export * from './types';
export { entityKey, reportFeatures, type ExtractedReportLike, type FeatureInput, type FeatureLimits } from './features';
export { DEFAULT_INBOX_POLICY, DEFAULT_ROUTER_CONFIG, ROUTER_VERSION, Router, RoutingError, type RouteResult } from './router';
