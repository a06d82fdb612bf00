// The "join by link" dialog: opened by an invite link (#join=<code>), it shows the group the
// code leads to and joins on a click. Unknown, revoked, expired and used-up codes all read the
// same, as the server answers them the same (4120).

import { errorText } from './controls';
import { el } from './element';
import type { GroupsApi, InvitePreview } from './groups-api';
import { ApiError } from './http-api';

const INVITE_CODE_INVALID = 4120;

export interface InviteJoinActions {
  /** Joined (or already a member): show the group's chat. */
  openGroup(groupId: string): void;
  /** The dialog closed; the link's hash should go. */
  closed(): void;
}

export class InviteJoin {
  readonly element: HTMLElement;
  private readonly body = el('div', { class: 'invite-body' });

  constructor(
    private readonly api: Pick<GroupsApi, 'previewInvite' | 'joinByInvite'>,
    private readonly actions: InviteJoinActions,
  ) {
    this.element = el(
      'div',
      { class: 'invite-backdrop' },
      el(
        'div',
        {
          class: 'invite-dialog',
          role: 'dialog',
          'aria-modal': 'true',
          'aria-label': 'Join a group',
          'data-testid': 'invite-dialog',
        },
        el('h2', { class: 'invite-title' }, 'Join a group'),
        this.body,
      ),
    );
    this.element.hidden = true;
  }

  /** Shows the group behind `code` and waits for the reader's choice. */
  async open(code: string): Promise<void> {
    this.element.hidden = false;
    this.body.replaceChildren(el('p', {}, 'Looking up the invite…'));
    let preview: InvitePreview;
    try {
      preview = await this.api.previewInvite(code);
    } catch (e) {
      this.failed(e);
      return;
    }
    if (preview.member) {
      this.body.replaceChildren(
        el('p', { 'data-testid': 'invite-status' }, `You are already in ${preview.name}.`),
        this.buttons(this.button('Open chat', 'primary', 'invite-open', () => this.finish(preview.groupId))),
      );
      return;
    }
    const members = `${preview.memberCount} member${preview.memberCount === 1 ? '' : 's'}`;
    const join = this.button('Join group', 'primary', 'invite-join', () => void this.join(code, join));
    this.body.replaceChildren(
      el('p', { class: 'invite-group', 'data-testid': 'invite-group-name' }, preview.name),
      el(
        'p',
        { class: 'invite-facts' },
        preview.joinPolicy === 'approval' ? `${members} · an admin approves new members` : members,
      ),
      this.buttons(join, this.button('Not now', 'ghost', 'invite-cancel', () => this.close())),
    );
    join.focus();
  }

  private async join(code: string, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      const result = await this.api.joinByInvite(code);
      if (result.status === 'joined') {
        this.finish(result.groupId);
        return;
      }
      this.body.replaceChildren(
        el('p', { 'data-testid': 'invite-status' }, 'Asked to join: an admin will let you in.'),
        this.buttons(this.button('Close', 'primary', 'invite-cancel', () => this.close())),
      );
    } catch (e) {
      this.failed(e);
    }
  }

  private failed(e: unknown): void {
    const text =
      e instanceof ApiError && e.code === INVITE_CODE_INVALID
        ? 'This invite link is unknown, expired, used up or revoked. Ask for a new one.'
        : errorText(e);
    this.body.replaceChildren(
      el('p', { class: 'invite-error', role: 'alert', 'data-testid': 'invite-status' }, text),
      this.buttons(this.button('Close', 'primary', 'invite-cancel', () => this.close())),
    );
  }

  private finish(groupId: string): void {
    this.close();
    this.actions.openGroup(groupId);
  }

  private close(): void {
    this.element.hidden = true;
    this.actions.closed();
  }

  private buttons(...buttons: HTMLElement[]): HTMLElement {
    return el('div', { class: 'button-row' }, ...buttons);
  }

  private button(label: string, kind: string, testId: string, onClick: () => void): HTMLButtonElement {
    const button = el('button', { type: 'button', class: kind, 'data-testid': testId }, label);
    button.addEventListener('click', onClick);
    return button;
  }
}
