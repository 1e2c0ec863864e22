const KEY_NAME = 'storyline.apiKey';

/** Where the API key lives: this tab only (sessionStorage), or this device when remembered. */
export const keyStore = {
  get() {
    return sessionStorage.getItem(KEY_NAME) ?? localStorage.getItem(KEY_NAME);
  },
  set(key, remember) {
    this.clear();
    (remember ? localStorage : sessionStorage).setItem(KEY_NAME, key);
  },
  clear() {
    sessionStorage.removeItem(KEY_NAME);
    localStorage.removeItem(KEY_NAME);
  },
  remembered() {
    return localStorage.getItem(KEY_NAME) !== null;
  },
};

/** An answer other than 2xx, with the API's `{error: {code, message, field?}}`. */
export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

let keyRefused = () => {};

/** Called on every 401: the key is missing, unknown or revoked. */
export function onKeyRefused(handler) {
  keyRefused = handler;
}

function urlOf(path, query) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
  }
  return url;
}

/** One API call with the stored key; resolves to `{status, body}`, rejects with an ApiError. */
export async function api(path, { method = 'GET', query, json, text, reportRefusal = true } = {}) {
  const headers = { Accept: 'application/json' };
  const key = keyStore.get();
  if (key) headers.Authorization = `Bearer ${key}`;
  let body;
  if (json !== undefined) [headers['Content-Type'], body] = ['application/json', JSON.stringify(json)];
  if (text !== undefined) [headers['Content-Type'], body] = ['text/plain; charset=utf-8', text];
  let response;
  try {
    response = await fetch(urlOf(path, query), { method, headers, body, cache: 'no-store', credentials: 'omit' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'the server could not be reached; is Storyline running?');
  }
  const payload = await response.json().catch(() => null);
  if (response.ok) return { status: response.status, body: payload };
  const error = payload?.error ?? {};
  const failure = new ApiError(response.status, error.code ?? `HTTP_${response.status}`, error.message ?? response.statusText, error.field);
  if (response.status === 401 && reportRefusal) keyRefused(failure);
  throw failure;
}

/** A sentence a user can act on. */
export function describeError(error) {
  if (!(error instanceof ApiError)) return `Something went wrong in this page: ${error?.message ?? error}`;
  const field = error.field ? ` (${error.field})` : '';
  switch (error.status) {
    case 0:
      return `No answer: ${error.message}.`;
    case 401:
      return `The API key was refused: ${error.message}.`;
    case 403:
      return `This key is not allowed to do that: ${error.message}.`;
    case 429:
      return `Too many writes with this key: ${error.message}.`;
    default:
      return `${error.message}${field} [${error.code}]`;
  }
}
