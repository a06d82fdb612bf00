// Reconnect delays: exponential from baseMs, capped at maxMs, each spread by +-jitter so that a
// gateway restart does not bring every client back in the same instant.

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Fraction of the delay to spread either way; 0.2 gives 80 %..120 %, never above maxMs. */
  jitter: number;
}

// Up to 30 s between attempts: a long outage costs the servers little, and the browser's online
// event or the tab coming back to the front cuts the wait short (chat-socket.ts).
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000, jitter: 0.2 };

/** The delay before reconnect attempt `attempt` (0 for the first retry after a drop). */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  // 2^attempt overflows to Infinity long after the cap is reached, and min() handles that.
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  const spread = 1 - options.jitter + 2 * options.jitter * random();
  return Math.round(Math.min(options.maxMs, exponential * spread));
}

/** Counts attempts between successes; reset once the server has welcomed the socket. */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly options: BackoffOptions = DEFAULT_BACKOFF,
    private readonly random: () => number = Math.random,
  ) {}

  next(): number {
    return backoffDelay(this.attempt++, this.options, this.random);
  }

  reset(): void {
    this.attempt = 0;
  }
}
