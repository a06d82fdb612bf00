// Wires mentions, mute and recall into the chat view (issue #12) with as few hooks there as
// possible: badges are refreshed on start and every 30 s while the view runs, a click on a
// bubble's Recall button recalls that message, and the pane gets a mute toggle for the open
// conversation.

import { AttentionApi } from './attention-api';
import { attention } from './attention-badges';
import { el } from './element';
import { ApiError, type ParleyApi } from './http-api';

const REFRESH_MS = 30_000;

export interface AttentionHooks {
  /** The open conversation's id, or null. */
  activeId(): string | null;
  /** Redraw the conversation list (its marks changed). */
  redraw(): void;
  toast(text: string): void;
  /** A message of mine was recalled: reload the conversation so its tombstone shows. */
  recalled(conversationId: string): void;
}

/** Starts the wiring under `root`; returns the function that stops it. */
export function wireAttention(root: HTMLElement, api: ParleyApi, hooks: AttentionHooks): () => void {
  const calls = new AttentionApi(api);
  attention.onChange(() => hooks.redraw());
  void attention.refresh(calls);
  const timer = setInterval(() => void attention.refresh(calls), REFRESH_MS);

  const mute = el('button', { type: 'button', class: 'ghost pane-mute', 'data-testid': 'mute-toggle' }, 'Mute');
  const showMute = () => {
    const id = hooks.activeId();
    mute.hidden = id === null;
    mute.textContent = id !== null && attention.isMuted(id) ? 'Unmute' : 'Mute';
  };
  root.querySelector('.pane-title')?.after(mute);
  attention.onChange(showMute);

  const onClick = (event: Event) => {
    const target = event.target as HTMLElement;
    const id = hooks.activeId();
    if (id === null) return;
    if (target === mute) {
      const muted = !attention.isMuted(id);
      calls.mute(id, muted).then(
        (now) => attention.setMuted(id, now),
        (e) => hooks.toast(`Could not ${muted ? 'mute' : 'unmute'}: ${reason(e)}`),
      );
      return;
    }
    const messageId = target.dataset.recall;
    if (messageId) {
      calls.recall(id, messageId).then(
        () => hooks.recalled(id),
        (e) => hooks.toast(`Could not recall: ${reason(e)}`),
      );
    }
  };
  root.addEventListener('click', onClick);
  root.addEventListener('focusin', showMute);
  showMute();
  return () => {
    clearInterval(timer);
    root.removeEventListener('click', onClick);
    root.removeEventListener('focusin', showMute);
  };
}

function reason(e: unknown): string {
  return e instanceof ApiError ? e.message : 'network error';
}
