/** How a webhook is delivered to: timeouts, retries and how often progress is stored. */
export interface DeliveryPolicy {
  /** How long one request may wait for the receiver's answer. */
  readonly timeoutMs: number;
  /** Tries at one event before the subscription is parked as failing. */
  readonly attempts: number;
  /** The first pause between tries; it doubles each time, with full jitter, up to `maxDelayMs`. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /** How often a subscription's checkpoint is written while it delivers. */
  readonly checkpointEveryMs: number;
  /** How often the leader looks for subscriptions created, paused, resumed or deleted elsewhere. */
  readonly refreshMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  timeoutMs: 10_000,
  attempts: 8,
  firstDelayMs: 1_000,
  maxDelayMs: 60_000,
  checkpointEveryMs: 200,
  refreshMs: 1_000,
};
