// The mention and mute marks of the conversation list (issue #12), from GET /api/sync's badges,
// and which groups are large (its largeGroups: their pushes need no `received`). One shared
// instance: the list reads it while rendering, the chat view refreshes it.

import type { AttentionApi, Badge } from './attention-api';
import { el } from './element';

export class AttentionBadges {
  private badges = new Map<string, Badge>();
  private largeGroups = new Set<string>();
  private readonly listeners: (() => void)[] = [];

  async refresh(api: AttentionApi): Promise<void> {
    try {
      const now = await api.attention();
      this.badges = now.badges;
      this.largeGroups = now.largeGroups;
      this.listeners.forEach((l) => l());
    } catch (e) {
      console.warn('[parley] badges not refreshed', e);
    }
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Set my own mute state at once, before the next refresh confirms it. */
  setMuted(conversationId: string, muted: boolean): void {
    const b = this.badges.get(conversationId) ?? { conversationId, mentions: 0, muted: false };
    this.badges.set(conversationId, { ...b, muted });
    this.listeners.forEach((l) => l());
  }

  /** A group above the threshold (read diffusion) when last refreshed. */
  isLargeGroup(conversationId: string): boolean {
    return this.largeGroups.has(conversationId);
  }

  isMuted(conversationId: string): boolean {
    return this.badges.get(conversationId)?.muted === true;
  }

  /** "@" when I have unread mentions there, a muted mark when I muted it; null for neither. */
  mark(conversationId: string): HTMLElement | null {
    const b = this.badges.get(conversationId);
    if (!b || (b.mentions === 0 && !b.muted)) return null;
    return el(
      'span',
      { class: 'attention-marks' },
      b.mentions > 0
        ? el('span', { class: 'mention-badge', 'data-testid': 'mention-badge', 'aria-label': `${b.mentions} mentions` }, '@')
        : null,
      b.muted ? el('span', { class: 'muted-mark', 'data-testid': 'muted-mark', 'aria-label': 'muted' }, '🔕') : null,
    );
  }
}

export const attention = new AttentionBadges();
