// The browser's view of the network for the chat socket: `offline` drops it at once (the pill
// says offline instead of "online" for the minute a dead socket takes to notice), `online` and the
// tab coming back to the front connect without waiting out the backoff.

export interface NetworkAware {
  networkLost(): void;
  wake(): void;
}

/** Starts listening; returns what stops it. */
export function watchNetwork(socket: NetworkAware, win: Window = window, doc: Document = document): () => void {
  const lost = () => socket.networkLost();
  const back = () => socket.wake();
  const visible = () => {
    if (doc.visibilityState === 'visible' && win.navigator.onLine !== false) socket.wake();
  };
  win.addEventListener('offline', lost);
  win.addEventListener('online', back);
  doc.addEventListener('visibilitychange', visible);
  if (win.navigator.onLine === false) socket.networkLost();
  return () => {
    win.removeEventListener('offline', lost);
    win.removeEventListener('online', back);
    doc.removeEventListener('visibilitychange', visible);
  };
}
