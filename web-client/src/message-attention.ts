// How a bubble's text shows mentions, links and recalls (issue #12, #14): mention tokens are
// highlighted (mine more strongly), http(s) addresses are links (links.ts), a recalled message
// shows a tombstone instead of text, and my own messages get a Recall button while the recall
// window lasts.

import { canRecall, isTombstone } from './attention-api';
import { el } from './element';
import { linkParts } from './links';
import { mentionParts } from './mentions';

interface Shown {
  text: string;
  seq: number | null;
  mine: boolean;
  sentAt: number;
  messageId: string | null;
  image?: unknown;
}

/** The bubble's text paragraph: a tombstone, or the text with its mentions marked. */
export function bubbleText(m: Shown, selfId = 0): HTMLElement {
  if (isTombstone(m)) {
    return el('p', { class: 'bubble-text recalled', 'data-testid': 'message-recalled' }, 'Message recalled');
  }
  const parts = mentionParts(m.text, selfId).flatMap((p): (string | HTMLElement)[] =>
    p.mention
      ? [el('span', { class: `mention mention-${p.mention}`, 'data-testid': 'mention' }, p.text)]
      : linkParts(p.text).map((l) =>
          l.href === undefined
            ? l.text
            : el(
                'a',
                { class: 'bubble-link', href: l.href, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'message-link' },
                l.text,
              ),
        ),
  );
  return el('p', { class: 'bubble-text' }, ...parts);
}

/** A Recall button for a message of mine still inside the window, else null. */
export function recallButton(m: Shown, now: number): HTMLElement | null {
  if (!canRecall(m, now) || m.messageId === null) return null;
  return el('button', { type: 'button', class: 'link-button', 'data-recall': m.messageId }, 'Recall');
}
