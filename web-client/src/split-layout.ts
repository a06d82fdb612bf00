// Two columns, a list and a pane, as the Chats, Friends and Groups tabs show them. A wide screen
// shows both; a phone shows one at a time (CSS on data-view), and while the pane is up the shell
// hides its tab bar, so the layout says when that changes.

import { el } from './element';

export class SplitLayout {
  readonly element: HTMLElement;

  constructor(
    list: HTMLElement,
    pane: HTMLElement,
    private readonly paneShown: (shown: boolean) => void,
    className = '',
  ) {
    this.element = el('div', { class: `split-layout ${className}`.trim(), 'data-view': 'list' }, list, pane);
  }

  showPane(): void {
    this.element.dataset.view = 'pane';
    this.paneShown(true);
  }

  showList(): void {
    this.element.dataset.view = 'list';
    this.paneShown(false);
  }

  /** The tab was opened again: says which column it left up. */
  reshown(): void {
    this.paneShown(this.element.dataset.view === 'pane');
  }
}

/** The "‹" of a pane's header, shown on phones only, that goes back to the list. */
export function backButton(label: string, back: () => void): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'back-button', 'aria-label': label }, '‹');
  button.addEventListener('click', back);
  return button;
}

/** What an empty pane shows: the mark and a line on what to do. */
export function emptyPane(text: string): HTMLElement {
  return el(
    'div',
    { class: 'pane-empty' },
    el('div', { class: 'brand-mark pane-empty-mark', 'aria-hidden': 'true' }, 'P'),
    el('p', {}, text),
  );
}
