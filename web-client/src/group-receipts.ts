// "Read by N" under my newest message in a group, and on a click who they are (issue #14). The
// server counts readers from the members' read cursors (GET …/messages/{seq}/readers); the answer
// is kept for a few seconds per message, so re-rendering the pane asks nothing, and an element is
// handed out per conversation so the pane only places it.

import { el } from './element';
import { apiPath, type ParleyApi } from './http-api';

export interface Readers {
  readCount: number;
  memberCount: number;
  names: string[];
}

const FRESH_MS = 10_000;
const LIST_LIMIT = 50;

/** The readers of one message, asked at most once per FRESH_MS. */
export class ReadersCache {
  private readonly cache = new Map<string, { at: number; readers: Promise<Readers> }>();

  constructor(
    private readonly api: Pick<ParleyApi, 'request'>,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get(conversationId: string, seq: number): Promise<Readers> {
    const key = `${conversationId}:${seq}`;
    const cached = this.cache.get(key);
    if (cached && this.now() - cached.at < FRESH_MS) return cached.readers;
    const readers = this.fetch(conversationId, seq);
    this.cache.set(key, { at: this.now(), readers });
    readers.catch(() => this.cache.delete(key));
    return readers;
  }

  private async fetch(conversationId: string, seq: number): Promise<Readers> {
    const page = await this.api.request<{ readCount?: unknown; memberCount?: unknown; items?: unknown }>(
      'GET',
      `${apiPath('conversations', conversationId, 'messages', seq, 'readers')}?limit=${LIST_LIMIT}`,
    );
    const items = Array.isArray(page?.items) ? page.items : [];
    return {
      readCount: typeof page?.readCount === 'number' ? page.readCount : 0,
      memberCount: typeof page?.memberCount === 'number' ? page.memberCount : 0,
      names: items
        .map((i) => (typeof i === 'object' && i !== null ? (i as { displayName?: unknown }).displayName : null))
        .filter((n): n is string => typeof n === 'string'),
    };
  }
}

export class GroupReceipts {
  readonly element = el('div', { class: 'group-readers', 'data-testid': 'read-by' });
  private readonly readers: ReadersCache;
  private shown: string | null = null;

  constructor(api: Pick<ParleyApi, 'request'>, now: () => number = () => Date.now()) {
    this.readers = new ReadersCache(api, now);
    this.element.addEventListener('click', (event) => {
      if ((event.target as Element).closest('[data-readers-toggle]')) this.element.classList.toggle('open');
    });
  }

  /** Shows the receipt of my message `seq` in the conversation (asked again when stale). */
  show(conversationId: string, seq: number): void {
    const key = `${conversationId}:${seq}`;
    if (this.shown !== key) {
      this.element.replaceChildren();
      this.element.classList.remove('open');
      this.shown = key;
    }
    this.readers.get(conversationId, seq).then(
      (r) => {
        if (this.shown === key) this.render(r);
      },
      () => undefined,
    );
  }

  private render(r: Readers): void {
    const label = `Read by ${r.readCount}`;
    if (r.readCount === 0) {
      this.element.replaceChildren();
      return;
    }
    if (this.element.firstElementChild?.textContent === label && this.element.childElementCount === 2) return;
    const more = r.readCount - r.names.length;
    this.element.replaceChildren(
      el(
        'button',
        { type: 'button', class: 'link-button', 'data-readers-toggle': '', 'aria-label': `Read by ${r.readCount} of ${r.memberCount}` },
        label,
      ),
      el(
        'ul',
        { class: 'readers-list', 'data-testid': 'read-by-list' },
        ...r.names.map((n) => el('li', {}, n)),
        ...(more > 0 ? [el('li', {}, `and ${more} more`)] : []),
      ),
    );
  }
}
