// Mentions in a group message's text (issue #12, docs/protocol.md "Mentions, mute and recall"):
// `@<userId>` names one member, `@all` every member. The same token rule as the server: at the
// start or after whitespace, ending at whitespace, punctuation or the end.

export type MentionKind = 'me' | 'other' | 'all';

export interface TextPart {
  text: string;
  /** Set when this part is a mention token. */
  mention?: MentionKind;
}

const TOKEN = /(^|\s)@(all|\d{1,19})(?![\w@])/g;

/** The text cut into plain parts and mention tokens, in order; joined they are the text. */
export function mentionParts(text: string, selfId: number): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = (m.index ?? 0) + m[1].length;
    if (start > at) parts.push({ text: text.slice(at, start) });
    const token = m[2];
    const kind: MentionKind = token === 'all' ? 'all' : Number(token) === selfId ? 'me' : 'other';
    parts.push({ text: `@${token}`, mention: kind });
    at = start + token.length + 1;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/** Whether the text mentions this user: `@<their id>` or `@all`. */
export function mentionsMe(text: string, selfId: number): boolean {
  return mentionParts(text, selfId).some((p) => p.mention === 'me' || p.mention === 'all');
}
