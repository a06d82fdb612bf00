// The small controls the social screens share: a button that runs a server action (disabled
// while it runs, its failure reported in words), the same asking "Sure?" once before something
// that cannot be undone, a "More" button for paged lists, and an inline status line.

import { el } from './element';
import { ApiError } from './http-api';

type Attributes = Parameters<typeof el>[1];

/** What to tell a person about a failure: the server's message, or our own check's. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError || error instanceof Error) return error.message;
  return 'Something went wrong. Try again.';
}

export interface ActionOptions {
  /** When set, the first click only changes the label to this and a second click runs it. */
  confirm?: string;
  onError(message: string): void;
}

// A confirmation not given within this time is withdrawn, so a stray later click does nothing.
const CONFIRM_WINDOW_MS = 4000;

export function actionButton(
  label: string,
  attributes: Attributes,
  action: () => Promise<unknown>,
  options: ActionOptions,
): HTMLButtonElement {
  const button = el('button', { type: 'button', ...attributes }, label);
  let armed: number | undefined;
  const disarm = () => {
    window.clearTimeout(armed);
    armed = undefined;
    button.textContent = label;
    delete button.dataset.confirming;
  };
  button.addEventListener('click', (event) => {
    event.stopPropagation(); // a button inside a clickable row acts alone
    if (button.disabled) return;
    if (options.confirm && armed === undefined) {
      button.textContent = options.confirm;
      button.dataset.confirming = 'true';
      armed = window.setTimeout(disarm, CONFIRM_WINDOW_MS);
      return;
    }
    disarm();
    button.disabled = true;
    action()
      .catch((e: unknown) => options.onError(errorText(e)))
      .finally(() => {
        button.disabled = false;
      });
  });
  return button;
}

/**
 * Runs `work` when the form is submitted, with its button disabled meanwhile; a failure goes to
 * `onError` in words. One submission at a time.
 */
export function onSubmit(
  form: HTMLFormElement,
  button: HTMLButtonElement,
  work: () => Promise<unknown>,
  onError: (message: string) => void,
): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (button.disabled) return;
    button.disabled = true;
    work()
      .catch((e: unknown) => onError(errorText(e)))
      .finally(() => (button.disabled = false));
  });
}

/** "More" under a paged list; hidden when there is no next page. */
export function moreButton(
  testId: string,
  hasMore: boolean,
  load: () => Promise<unknown>,
  onError: (m: string) => void,
) {
  const button = actionButton('Show more', { class: 'ghost more-button', 'data-testid': testId }, load, { onError });
  button.hidden = !hasMore;
  return button;
}

/** A line that says how an action went; tone decides its colour. */
export class StatusLine {
  readonly element: HTMLElement;

  constructor(testId: string, className = 'status-line') {
    this.element = el('p', { class: className, 'data-testid': testId, role: 'status' });
    this.element.hidden = true;
  }

  show(text: string, tone: 'ok' | 'error' | 'info' = 'info'): void {
    this.element.textContent = text;
    this.element.dataset.tone = tone;
    this.element.hidden = false;
  }

  error(e: unknown): void {
    this.show(errorText(e), 'error');
  }

  clear(): void {
    this.element.hidden = true;
    this.element.textContent = '';
  }
}

/** A titled block of a sidebar or a card, with an optional count beside the title. */
export function section(
  title: string,
  count: number | null,
  testId: string | null,
  ...children: (Node | null)[]
): HTMLElement {
  return el(
    'section',
    { class: 'list-section', 'data-testid': testId },
    el(
      'h3',
      { class: 'section-title' },
      title,
      count === null ? null : el('span', { class: 'section-count' }, String(count)),
    ),
    ...children,
  );
}
