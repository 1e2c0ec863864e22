import { excludeSystemEvents, streamNameFilter, type Filter } from '@kurrent/kurrentdb-client';

/**
 * The server-side filter for a `$all` read or subscription: the store's namespace, or the
 * given stream prefixes within it; with neither, every event whose type is not a system
 * one (`$...`). Events that still slip through (a `$` event in a user stream) are dropped by
 * the store as it decodes.
 */
export function logFilter(namespace: string, streamPrefixes?: readonly string[]): Filter {
  if (streamPrefixes) return streamNameFilter({ prefixes: streamPrefixes.map((prefix) => `${namespace}${prefix}`) });
  if (namespace) return streamNameFilter({ prefixes: [namespace] });
  return excludeSystemEvents();
}
