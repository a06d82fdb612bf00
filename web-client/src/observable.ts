// The one way state here tells views that it changed: subscribe, and get called after each
// change. Views redraw from the state itself, so a listener gets no arguments.

export class Observable {
  private readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected emit(): void {
    for (const listener of this.listeners) listener();
  }
}
