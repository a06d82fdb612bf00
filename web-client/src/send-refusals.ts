// Which refused sends are worth sending again. A rate limit (1005) or a server that is briefly
// unavailable (9xxx) passes; not being friends, a block, a message too long, a conversation one
// has left, never will: those offer no Retry (issue #14), only the reason.

const PASSING = new Set([1005, 9001, 9002]);

/** True when sending the same message again later can succeed. */
export function retryable(code: number): boolean {
  return PASSING.has(code) || (code >= 9000 && code < 10000);
}
