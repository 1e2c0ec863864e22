import http from 'node:http';
import https from 'node:https';

/** Why one delivery attempt failed, as stored in `lastError`. */
export class DeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** One keep-alive connection per subscription: deliveries are sequential anyway. */
export function agentFor(url: string): http.Agent {
  const options = { keepAlive: true, maxSockets: 1 };
  return url.startsWith('https:') ? new https.Agent(options) : new http.Agent(options);
}

/**
 * POSTs a body and resolves once a 2xx status has come back (the answer's body is read
 * and dropped); anything else, a network error or no answer within `timeoutMs` rejects.
 * Redirects are not followed: the allow list was checked for this URL only.
 */
export function postJson(url: string, body: string, headers: Record<string, string>, options: { agent: http.Agent; timeoutMs: number; signal?: AbortSignal }): Promise<number> {
  const send = url.startsWith('https:') ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        agent: options.agent,
        signal: options.signal,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'User-Agent': 'Storyline-Webhooks/1', ...headers },
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          clearTimeout(timer);
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(status);
          else reject(new DeliveryError(`the receiver answered ${status}`));
        });
        response.on('error', (error) => reject(new DeliveryError(`reading the answer failed: ${error.message}`)));
      },
    );
    const timer = setTimeout(() => request.destroy(new DeliveryError(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error instanceof DeliveryError ? error : new DeliveryError(error.message));
    });
    request.end(body);
  });
}
