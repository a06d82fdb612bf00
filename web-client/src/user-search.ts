// Finding people: what was typed decides the search (digits make a phone, looked up exactly;
// anything else is the start of a name, paged with "more"). Results of an older search that
// answers late are dropped, so the list always belongs to the query shown above it.

import { normalizePhone, phoneProblem } from './auth-rules';
import type { Directory } from './directory';
import type { ParleyApi, UserQuery, UserSummary } from './http-api';
import { Observable } from './observable';

export type ParsedQuery = { phone: string } | { name: string };

export const SEARCH_PAGE_SIZE = 20;
const NAME_MAX = 64;

/** The search a text asks for, or the reason it cannot be one. */
export function parseUserQuery(input: string): ParsedQuery | { problem: string } {
  const text = input.trim();
  if (text.length === 0) return { problem: 'Type a phone number or the start of a name.' };
  const phone = normalizePhone(text);
  if (/^\+?[0-9]+$/.test(phone)) {
    const problem = phoneProblem(phone);
    return problem ? { problem } : { phone };
  }
  if (text.length > NAME_MAX) return { problem: `A name has at most ${NAME_MAX} characters.` };
  return { name: text };
}

export type SearchPort = Pick<ParleyApi, 'searchUsers'>;

export class UserSearch extends Observable {
  results: UserSummary[] = [];
  /** What the results are for; null when nothing was searched (or the search was cleared). */
  query: ParsedQuery | null = null;
  busy = false;
  private cursor: string | null = null;
  private generation = 0;

  constructor(
    private readonly api: SearchPort,
    private readonly directory: Directory,
    private readonly pageSize = SEARCH_PAGE_SIZE,
  ) {
    super();
  }

  get hasMore(): boolean {
    return this.cursor !== null;
  }

  /** Starts a new search; throws the problem of an unusable text or the server's error. */
  async search(input: string): Promise<void> {
    const parsed = parseUserQuery(input);
    if ('problem' in parsed) throw new Error(parsed.problem);
    await this.fetch(parsed, null, true);
  }

  async more(): Promise<void> {
    if (this.query === null || this.cursor === null) return;
    await this.fetch(this.query, this.cursor, false);
  }

  clear(): void {
    this.generation++;
    this.query = null;
    this.results = [];
    this.cursor = null;
    this.busy = false;
    this.emit();
  }

  private async fetch(query: ParsedQuery, cursor: string | null, fresh: boolean): Promise<void> {
    const generation = fresh ? ++this.generation : this.generation;
    this.busy = true;
    this.emit();
    const request: UserQuery = 'phone' in query ? query : { name: query.name, limit: this.pageSize, cursor };
    try {
      const page = await this.api.searchUsers(request);
      if (generation !== this.generation) return;
      const known = fresh ? new Set<number>() : new Set(this.results.map((u) => u.userId));
      const added = page.items.filter((u) => !known.has(u.userId));
      this.results = fresh ? added : [...this.results, ...added];
      this.query = query;
      this.cursor = page.nextCursor;
      for (const user of added) this.directory.rememberUser(user);
    } finally {
      if (generation === this.generation) {
        this.busy = false;
        this.emit();
      }
    }
  }
}
