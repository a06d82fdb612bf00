// The timers of a class that waits (batching, debouncing, retrying), handed in so tests can fire
// them by hand; browserTimers() are the window's.

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export function browserTimers(): Timers {
  return {
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
  };
}
