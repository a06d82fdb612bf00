// The floating button over the message list (issue #14): "Jump to first unread" while the first
// unread message is above the view (or not loaded yet: more was unread than one page), else
// "Jump to latest" (with how many arrived meanwhile) while the reader is away from the bottom.

import { el } from './element';

export type JumpMode = 'unread' | 'latest' | null;

export interface JumpState {
  /** Unread messages from the opening that the reader has not had in view yet. */
  unreadAbove: boolean;
  /** Pixels between the bottom of the view and the end of the list. */
  fromBottom: number;
  /** Within this many pixels the pane follows new messages: no button there. */
  threshold: number;
}

export function jumpMode(s: JumpState): JumpMode {
  if (s.unreadAbove) return 'unread';
  return s.fromBottom > s.threshold ? 'latest' : null;
}

export function jumpLabel(mode: JumpMode, newBelow: number): string {
  if (mode === 'unread') return '↑ Jump to first unread';
  if (mode === 'latest') return newBelow > 0 ? `↓ ${newBelow} new ${newBelow === 1 ? 'message' : 'messages'}` : '↓ Jump to latest';
  return '';
}

export class JumpButton {
  readonly element = el('button', { type: 'button', class: 'jump-button', 'data-testid': 'jump-button' });
  private mode: JumpMode = null;

  constructor(onJump: (mode: Exclude<JumpMode, null>) => void) {
    this.element.hidden = true;
    this.element.addEventListener('click', () => {
      if (this.mode !== null) onJump(this.mode);
    });
  }

  show(mode: JumpMode, newBelow: number): void {
    this.mode = mode;
    this.element.hidden = mode === null;
    this.element.dataset.mode = mode ?? '';
    const label = jumpLabel(mode, newBelow);
    if (this.element.textContent !== label) this.element.textContent = label;
  }
}
