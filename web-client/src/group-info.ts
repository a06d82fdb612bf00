// The right column of the Groups tab: one group's id (to share), policy and notice; open its
// chat or leave it; its members, paged; and for an owner or admin the applications to answer,
// a friend to invite, and members to remove or (owner) make admin or owner.

import { actionButton, moreButton, section, StatusLine } from './controls';
import type { Directory } from './directory';
import { el, refill } from './element';
import type { FriendsStore } from './friends-store';
import { GroupDetail } from './group-detail';
import type { GroupMember, GroupsApi, JoinPolicy } from './groups-api';
import type { GroupsStore } from './groups-store';
import { inviteLink } from './invite-link';
import { groupAvatar, personAvatar } from './peer-label';
import { backButton, emptyPane } from './split-layout';

export const POLICY_LABEL: Record<JoinPolicy, string> = {
  open: 'Open: anyone with the id or a link joins',
  approval: 'Approval: an admin lets people in',
  invite: 'Invite only',
};

export interface GroupInfoActions {
  openChat(groupId: string): void;
  back(): void;
}

export class GroupInfo {
  readonly element: HTMLElement;
  private readonly body = el('div', { class: 'card-body wide' });
  private readonly title = el('div', { class: 'pane-title' });
  private readonly status = new StatusLine('group-info-error');
  private readonly inviteStatus = new StatusLine('group-invite-status', 'form-status');
  private readonly inviteSelect = el('select', {
    'data-testid': 'group-invite-select',
    'aria-label': 'Friend to invite',
  });
  private readonly linkStatus = new StatusLine('group-invite-link-status', 'form-status');
  private readonly linkInput = el('input', {
    class: 'invite-link',
    readonly: true,
    'data-testid': 'group-invite-link',
    'aria-label': 'Invite link',
  });
  /** The code behind the link shown, of the group shown. */
  private linkCode: string | null = null;
  private detail: GroupDetail | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly api: GroupsApi,
    private readonly groups: GroupsStore,
    private readonly friends: FriendsStore,
    private readonly directory: Directory,
    private readonly selfId: number,
    private readonly actions: GroupInfoActions,
  ) {
    this.element = el(
      'section',
      { class: 'pane card-pane', 'aria-label': 'Group' },
      el(
        'header',
        { class: 'pane-header' },
        backButton('Back to groups', () => actions.back()),
        this.title,
      ),
      emptyPane('Pick a group to see its members, or create one.'),
      el('div', { class: 'card-scroller' }, this.body),
    );
  }

  get shownGroup(): string | null {
    return this.detail?.groupId ?? null;
  }

  /** Shows a group, loading it afresh (also when it is shown already: "refresh"). */
  show(groupId: string | null): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.status.clear();
    this.inviteStatus.clear();
    this.linkStatus.clear();
    this.linkCode = null;
    this.linkInput.value = '';
    this.linkInput.hidden = true;
    this.detail = null;
    if (groupId !== null) {
      const detail = new GroupDetail(this.api, groupId, this.selfId, this.directory);
      this.detail = detail;
      this.unsubscribe = detail.subscribe(() => {
        if (detail.group) this.groups.put(detail.group); // keeps the list's count and role current
        this.render();
      });
      detail.load().catch((e: unknown) => this.status.error(e));
    }
    this.render();
  }

  render(): void {
    const detail = this.detail;
    this.element.classList.toggle('has-conversation', detail !== null);
    if (detail === null) {
      this.title.replaceChildren();
      this.body.replaceChildren();
      return;
    }
    const group = detail.group;
    const groupId = detail.groupId;
    this.title.replaceChildren(
      groupAvatar(this.directory, groupId),
      el(
        'div',
        { class: 'pane-names' },
        el('div', { class: 'pane-name', 'data-testid': 'group-info-name' }, this.directory.groupName(groupId)),
        el(
          'div',
          { class: 'pane-sub' },
          group ? `${group.memberCount} member${group.memberCount === 1 ? '' : 's'}` : 'Loading…',
        ),
      ),
    );
    if (!group) {
      this.body.replaceChildren(this.status.element);
      return;
    }
    const onError = (m: string) => this.status.show(m, 'error');
    const openChat = el('button', { type: 'button', class: 'primary', 'data-testid': 'group-open-chat' }, 'Open chat');
    openChat.addEventListener('click', () => this.actions.openChat(groupId));
    const member = detail.myRole !== null;
    refill(
      this.body,
      el(
        'article',
        {
          class: 'group-card',
          'data-testid': 'group-info',
          'data-group-id': groupId,
          'data-my-role': detail.myRole ?? 'none',
        },
        el(
          'dl',
          { class: 'facts' },
          el('dt', {}, 'Group id'),
          el('dd', {}, el('code', { class: 'group-id', 'data-testid': 'group-info-id' }, groupId)),
          el('dt', {}, 'Who may join'),
          el('dd', { 'data-testid': 'group-info-policy' }, POLICY_LABEL[group.joinPolicy] ?? group.joinPolicy),
          el('dt', {}, 'Your role'),
          el('dd', {}, detail.myRole ?? 'not a member'),
          group.notice ? el('dt', {}, 'Notice') : null,
          group.notice ? el('dd', { class: 'notice' }, group.notice) : null,
        ),
        el(
          'div',
          { class: 'button-row' },
          member ? openChat : null,
          member && detail.myRole !== 'owner'
            ? actionButton(
                'Leave group',
                { class: 'ghost danger', 'data-testid': 'group-leave' },
                () => this.leave(groupId),
                {
                  confirm: 'Leave for sure?',
                  onError,
                },
              )
            : null,
          detail.myRole === 'owner'
            ? actionButton(
                'Dissolve group',
                { class: 'ghost danger', 'data-testid': 'group-dissolve' },
                () => this.dissolve(groupId),
                {
                  confirm: 'Dissolve for everyone?',
                  onError,
                },
              )
            : null,
        ),
        this.status.element,
      ),
      detail.canManage ? this.applicationsSection(detail) : null,
      detail.canManage ? this.linkSection(detail.groupId) : null,
      detail.canManage ? this.inviteSection(detail) : null,
      this.membersSection(detail),
    );
  }

  private async leave(groupId: string): Promise<void> {
    await this.groups.leave(groupId);
    this.show(null);
    this.actions.back();
  }

  private async dissolve(groupId: string): Promise<void> {
    await this.groups.dissolve(groupId);
    this.show(null);
    this.actions.back();
  }

  private applicationsSection(detail: GroupDetail): HTMLElement {
    const onError = (m: string) => this.status.show(m, 'error');
    const rows = detail.applications.map((a) =>
      el(
        'li',
        {
          class: 'person-row static stacked',
          'data-testid': 'group-application',
          'data-user-id': a.userId,
          'data-application-id': a.applicationId,
        },
        personAvatar(this.directory, a.userId),
        el(
          'span',
          { class: 'conversation-body' },
          el('span', { class: 'conversation-name' }, a.displayName || this.directory.userName(a.userId)),
          el('span', { class: 'conversation-preview' }, a.message ? `“${a.message}”` : 'No message'),
        ),
        el(
          'span',
          { class: 'row-actions' },
          actionButton(
            'Approve',
            { class: 'primary small', 'data-testid': 'group-application-approve' },
            () => detail.approve(a.applicationId),
            { onError },
          ),
          actionButton(
            'Reject',
            { class: 'ghost small', 'data-testid': 'group-application-reject' },
            () => detail.reject(a.applicationId),
            { onError },
          ),
        ),
      ),
    );
    return section(
      'Applications',
      rows.length,
      'group-applications',
      rows.length > 0
        ? el('ul', { class: 'people-list' }, ...rows)
        : el('p', { class: 'muted-note' }, 'No one is waiting to join.'),
    );
  }

  /** Owners and admins: a link anyone can join with (one lasting code, made on first need). */
  private linkSection(groupId: string): HTMLElement {
    const onError = (m: string) => this.linkStatus.show(m, 'error');
    const copy = actionButton(
      'Copy invite link',
      { class: 'secondary', 'data-testid': 'group-invite-link-copy' },
      async () => {
        const link = inviteLink(await this.lastingCode(groupId), location.origin);
        this.linkInput.value = link;
        this.linkInput.hidden = false;
        try {
          await navigator.clipboard.writeText(link);
          this.linkStatus.show('Link copied. Anyone with an account who opens it can join.', 'ok');
        } catch {
          this.linkInput.select();
          this.linkStatus.show('Copy the link above to share it.', 'info');
        }
      },
      { onError },
    );
    const revoke = actionButton(
      'Revoke link',
      { class: 'ghost danger', 'data-testid': 'group-invite-link-revoke', disabled: this.linkCode === null },
      async () => {
        if (this.linkCode === null) return;
        await this.api.revokeInviteCode(groupId, this.linkCode);
        this.linkCode = null;
        this.linkInput.value = '';
        this.linkInput.hidden = true;
        this.linkStatus.show('Link revoked: it no longer lets anyone in.', 'ok');
        this.render();
      },
      { confirm: 'Revoke for sure?', onError },
    );
    return section(
      'Invite link',
      null,
      'group-invite-link-section',
      el('p', { class: 'muted-note' }, 'Share a link instead of the group id; revoke it any time.'),
      this.linkInput,
      el('div', { class: 'button-row' }, copy, revoke),
      this.linkStatus.element,
    );
  }

  /** The group's code without expiry or use limit, made if it has none. */
  private async lastingCode(groupId: string): Promise<string> {
    if (this.linkCode === null) {
      const { items } = await this.api.inviteCodes(groupId);
      const lasting = items.find((c) => c.expiresAt === null && c.maxUses === null);
      this.linkCode = (lasting ?? (await this.api.createInviteCode(groupId))).code;
      this.render();
    }
    return this.linkCode;
  }

  private inviteSection(detail: GroupDetail): HTMLElement {
    const members = new Set(detail.members.map((m) => m.userId));
    const candidates = this.friends.friends.filter((f) => !members.has(f.userId));
    const chosen = this.inviteSelect.value;
    this.inviteSelect.replaceChildren(
      ...candidates.map((f) => el('option', { value: f.userId }, this.directory.userName(f.userId))),
    );
    if (candidates.some((f) => String(f.userId) === chosen)) this.inviteSelect.value = chosen;
    const invite = actionButton(
      'Invite',
      { class: 'secondary', 'data-testid': 'group-invite-submit', disabled: candidates.length === 0 },
      async () => {
        const userId = Number(this.inviteSelect.value);
        if (!userId) return;
        const added = await detail.invite([userId]);
        const name = this.directory.userName(userId);
        this.inviteStatus.show(
          added.includes(userId) ? `${name} is now a member.` : `${name} was not added.`,
          added.includes(userId) ? 'ok' : 'info',
        );
      },
      { onError: (m) => this.inviteStatus.show(m, 'error') },
    );
    return section(
      'Invite a friend',
      null,
      'group-invite',
      candidates.length > 0
        ? el('div', { class: 'new-chat-row' }, this.inviteSelect, invite)
        : el('p', { class: 'muted-note' }, 'All your friends are members already, or you have none yet.'),
      this.inviteStatus.element,
    );
  }

  private membersSection(detail: GroupDetail): HTMLElement {
    return section(
      'Members',
      detail.group?.memberCount ?? null,
      'group-members',
      el('ul', { class: 'people-list' }, ...detail.members.map((m) => this.memberRow(detail, m))),
      moreButton(
        'group-members-more',
        detail.hasMoreMembers,
        () => detail.moreMembers(),
        (m) => this.status.show(m, 'error'),
      ),
    );
  }

  private memberRow(detail: GroupDetail, m: GroupMember): HTMLElement {
    const onError = (message: string) => this.status.show(message, 'error');
    const name =
      m.userId === this.selfId ? `${this.directory.userName(m.userId)} (you)` : this.directory.userName(m.userId);
    return el(
      'li',
      { class: 'person-row static', 'data-testid': 'group-member', 'data-user-id': m.userId, 'data-role': m.role },
      personAvatar(this.directory, m.userId),
      el(
        'span',
        { class: 'conversation-body member-name' },
        el('span', { class: 'conversation-name' }, name),
        m.role === 'member' ? null : el('span', { class: `pill role-${m.role}` }, m.role),
      ),
      el(
        'span',
        { class: 'row-actions' },
        detail.canChangeRole(m)
          ? actionButton(
              m.role === 'admin' ? 'Remove admin' : 'Make admin',
              { class: 'ghost small', 'data-testid': 'group-member-role' },
              () => detail.setRole(m.userId, m.role === 'admin' ? 'member' : 'admin'),
              { onError },
            )
          : null,
        detail.canChangeRole(m)
          ? actionButton(
              'Make owner',
              { class: 'ghost small', 'data-testid': 'group-member-transfer' },
              () => detail.transfer(m.userId),
              {
                confirm: 'Hand over?',
                onError,
              },
            )
          : null,
        detail.canKick(m)
          ? actionButton(
              'Remove',
              { class: 'ghost small danger', 'data-testid': 'group-member-kick' },
              () => detail.kick(m.userId),
              {
                confirm: 'Sure?',
                onError,
              },
            )
          : null,
      ),
    );
  }
}
