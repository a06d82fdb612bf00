// What was typed and not sent, one draft per conversation (issue #14: one shared composer let a
// private note end up in a group with one Enter). Kept in localStorage under the user's id, so a
// reload keeps them and another account on this browser never sees them.

const PREFIX = 'parley.drafts.';
// Drafts beyond this many (the least recently touched) are forgotten: storage stays small.
const MAX_DRAFTS = 50;

export class Drafts {
  private readonly texts: Map<string, string>;

  constructor(
    private readonly userId: number,
    private readonly storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage,
  ) {
    this.texts = new Map(read(storage, PREFIX + userId));
  }

  get(conversationId: string): string {
    return this.texts.get(conversationId) ?? '';
  }

  /** An empty text removes the draft. */
  set(conversationId: string, text: string): void {
    this.texts.delete(conversationId);
    if (text.length > 0) this.texts.set(conversationId, text);
    while (this.texts.size > MAX_DRAFTS) this.texts.delete(this.texts.keys().next().value!);
    try {
      this.storage?.setItem(PREFIX + this.userId, JSON.stringify([...this.texts]));
    } catch {
      // Storage full or refused: the draft still lives in this tab.
    }
  }
}

function read(storage: Storage | null, key: string): [string, string][] {
  try {
    const value: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.filter(
      (e): e is [string, string] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string',
    );
  } catch {
    return [];
  }
}
