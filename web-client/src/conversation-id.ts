// Direct conversation ids, derived the same way the server does (contracts' ConversationIds), so
// the client can open a conversation before any message exists and file the first one under it.

export function directConversationId(userA: number, userB: number): string {
  if (!isUserId(userA) || !isUserId(userB)) {
    throw new RangeError(`user ids must be positive integers: ${userA}, ${userB}`);
  }
  return `d_${Math.min(userA, userB)}_${Math.max(userA, userB)}`;
}

/** The other member of a direct conversation as seen by `self`, or null if the id is not one. */
export function peerOf(conversationId: string, self: number): number | null {
  const match = /^d_([1-9][0-9]*)_([1-9][0-9]*)$/.exec(conversationId);
  if (!match) return null;
  const a = Number(match[1]);
  const b = Number(match[2]);
  if (a === self) return b;
  if (b === self) return a;
  return null;
}

function isUserId(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0;
}
