export * from './types';
export { DEFAULT_INBOX_POLICY, DEFAULT_ROUTER_CONFIG, ROUTER_VERSION, RoutingError } from './config';
export { entityKey, reportFeatures, type ExtractedReportLike, type FeatureInput, type FeatureLimits } from './features';
export { Router, type RouteResult } from './router';
