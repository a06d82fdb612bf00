// Conversation ids, derived the same way the server does (contracts' ConversationIds), so the
// client can open a conversation before any message exists and file the first one under it:
// d_<low>_<high> for two users, g_<groupId> for a group.

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

// Group ids are strings on the wire (64-bit ids do not fit a JS number). The protocol does not
// promise digits, so anything that cannot break the g_<id> form or a URL path is accepted.
const GROUP_ID = /^[A-Za-z0-9-]{1,64}$/;

export function isGroupId(value: string): boolean {
  return GROUP_ID.test(value);
}

export function groupConversationId(groupId: string): string {
  if (!isGroupId(groupId)) throw new RangeError(`not a group id: ${JSON.stringify(groupId)}`);
  return `g_${groupId}`;
}

/** The group of a group conversation id, or null if the id is not one. */
export function groupOf(conversationId: string): string | null {
  if (!conversationId.startsWith('g_')) return null;
  const groupId = conversationId.slice(2);
  return isGroupId(groupId) ? groupId : null;
}

function isUserId(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0;
}
