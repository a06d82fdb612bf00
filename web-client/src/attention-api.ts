// Mute, recall and the badges of GET /api/sync (issue #12, docs/protocol.md "Mentions, mute and
// recall"). Answers are checked here, as conversations-api.ts checks its own.

import { ApiError, apiPath, type ParleyApi } from './http-api';

/** How long after sending its sender may recall a message (im.logic.message.recall-window). */
export const RECALL_WINDOW_MS = 2 * 60 * 1000;

export interface Badge {
  conversationId: string;
  /** Unread messages mentioning me (@<my id> or @all). */
  mentions: number;
  muted: boolean;
}

export interface Tombstone {
  messageId: string;
  conversationId: string;
  seq: number;
  recalledAt: number;
}

export class AttentionApi {
  constructor(private readonly api: ParleyApi) {}

  async mute(conversationId: string, muted: boolean): Promise<boolean> {
    const answer = await this.api.request<unknown>('PUT', apiPath('conversations', conversationId, 'mute'), { muted });
    const f = fields(answer);
    return f.muted === true;
  }

  async recall(conversationId: string, messageId: string): Promise<Tombstone> {
    const answer = await this.api.request<unknown>(
      'POST',
      apiPath('conversations', conversationId, 'messages', messageId, 'recall'),
    );
    const f = fields(answer);
    if (typeof f.messageId !== 'string' || typeof f.seq !== 'number') unreadable();
    return {
      messageId: f.messageId as string,
      conversationId,
      seq: f.seq as number,
      recalledAt: typeof f.recalledAt === 'number' ? f.recalledAt : Date.now(),
    };
  }

  /** Muted conversations and unread mentions, by conversation id. */
  async badges(): Promise<Map<string, Badge>> {
    return (await this.attention()).badges;
  }

  /**
   * The badges, and which of my groups are large (read diffusion, `largeGroups`): their pushes
   * are not confirmed with `received` (docs/protocol.md, "Large groups").
   */
  async attention(): Promise<{ badges: Map<string, Badge>; largeGroups: Set<string> }> {
    const answer = fields(await this.api.request<unknown>('GET', '/api/sync?limit=1'));
    const largeGroups = new Set<string>();
    for (const g of Array.isArray(answer.largeGroups) ? answer.largeGroups : []) {
      const f = fields(g);
      if (typeof f.conversationId === 'string') largeGroups.add(f.conversationId);
    }
    const out = new Map<string, Badge>();
    for (const b of Array.isArray(answer.badges) ? answer.badges : []) {
      const f = fields(b);
      if (typeof f.conversationId !== 'string') continue;
      out.set(f.conversationId, {
        conversationId: f.conversationId,
        mentions: typeof f.mentions === 'number' ? f.mentions : 0,
        muted: f.muted === true,
      });
    }
    return { badges: out, largeGroups };
  }
}

/** A stored message whose text is empty is a recall tombstone (the text is gone from storage). */
export function isTombstone(m: { text: string; seq: number | null; image?: unknown }): boolean {
  // an image message without a caption has no text either, but has its image until recalled
  return m.seq !== null && m.text === '' && (m.image ?? null) === null;
}

/** Whether I may still recall this message of mine. */
export function canRecall(
  m: { mine: boolean; seq: number | null; sentAt: number; text: string; image?: unknown },
  now: number,
): boolean {
  return m.mine && m.seq !== null && !isTombstone(m) && now - m.sentAt <= RECALL_WINDOW_MS;
}

function fields(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : unreadable();
}

function unreadable(): never {
  throw new ApiError(200, 0, 'The server sent an answer this client cannot read.');
}
