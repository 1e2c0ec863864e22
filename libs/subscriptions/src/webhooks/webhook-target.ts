import { invalid } from '@storyline/story-events';

/**
 * Checks a webhook URL when a subscription is created: http or https only, no credentials,
 * and a host the administrator allowed (STORYLINE_WEBHOOK_ALLOWED_HOSTS), so that a key
 * cannot make the server call whatever internal address it likes.
 */
export function checkWebhookUrl(value: unknown, allowedHosts: readonly string[]): string {
  if (typeof value !== 'string' || value === '') throw invalid('url', 'is required: the http(s) URL to deliver events to');
  if (value.length > 2000) throw invalid('url', 'must be at most 2000 characters');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid('url', `is not a URL: "${value.slice(0, 80)}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('url', `must be http or https, got ${url.protocol}`);
  if (url.username !== '' || url.password !== '') throw invalid('url', 'must not carry credentials; the signature authenticates Storyline');
  if (url.hash !== '') throw invalid('url', 'must not have a #fragment');
  if (!hostAllowed(url, allowedHosts)) {
    const allowed = allowedHosts.length === 0 ? 'none is allowed until an administrator sets STORYLINE_WEBHOOK_ALLOWED_HOSTS' : `allowed: ${allowedHosts.join(', ')}`;
    throw invalid('url', `the host ${url.host} is not in the webhook allow list (${allowed})`);
  }
  return url.toString();
}

function hostAllowed(url: URL, allowedHosts: readonly string[]): boolean {
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return allowedHosts.some((entry) => {
    const [, pattern, wantedPort] = /^(.*?)(?::(\d+))?$/.exec(entry)!;
    if (wantedPort !== undefined && wantedPort !== port) return false;
    if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
    return host === pattern;
  });
}
