// Desktop notifications while the tab is hidden (issue #14). Permission is asked only from a
// click on "Notify me" (browsers refuse or penalise asking unprompted), and a notification is
// shown only for someone else's new message while the page is hidden; one per conversation at a
// time (the tag replaces the older one). Muted conversations get no live pushes but mentions,
// so whatever arrives here is worth telling.

export interface NotifierDeps {
  /** 'default' | 'granted' | 'denied', or 'unsupported' without the Notification API. */
  permission(): string;
  request(): Promise<string>;
  show(title: string, body: string, tag: string): void;
  hidden(): boolean;
}

export class DesktopNotifier {
  constructor(private readonly deps: NotifierDeps = browserNotifierDeps()) {}

  /** Whether to offer "Notify me": supported, and not yet allowed or refused. */
  get canAsk(): boolean {
    return this.deps.permission() === 'default';
  }

  /** From a click only. Resolves to whether notifications are now allowed. */
  async ask(): Promise<boolean> {
    if (!this.canAsk) return this.deps.permission() === 'granted';
    return (await this.deps.request()) === 'granted';
  }

  /** A new message from someone else arrived: tell the desktop if the page is hidden. */
  arrived(conversationId: string, sender: string, text: string): void {
    if (this.deps.permission() !== 'granted' || !this.deps.hidden()) return;
    const body = text.length > 120 ? `${text.slice(0, 119)}…` : text;
    this.deps.show(sender, body, conversationId);
  }
}

function browserNotifierDeps(): NotifierDeps {
  const supported = typeof window !== 'undefined' && 'Notification' in window;
  return {
    permission: () => (supported ? Notification.permission : 'unsupported'),
    request: () => (supported ? Notification.requestPermission() : Promise.resolve('unsupported')),
    show: (title, body, tag) => {
      const n = new Notification(title, { body, tag });
      n.onclick = () => {
        window.focus();
        n.close();
      };
    },
    hidden: () => document.visibilityState === 'hidden',
  };
}
