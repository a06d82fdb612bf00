// The Groups tab: join a group by its id, create one, and the list of my groups (and of the
// applications I sent); the right column shows the picked group's info.

import { onSubmit, section, StatusLine } from './controls';
import type { Directory } from './directory';
import { el, refill } from './element';
import type { FriendsStore } from './friends-store';
import type { GroupsApi, JoinPolicy } from './groups-api';
import { GroupInfo, POLICY_LABEL } from './group-info';
import { JOIN_POLICIES, GROUP_NAME_MAX, type GroupsStore } from './groups-store';
import { groupAvatar } from './peer-label';
import { SplitLayout } from './split-layout';

export interface GroupsViewOptions {
  groupsApi: GroupsApi;
  groups: GroupsStore;
  friends: FriendsStore;
  directory: Directory;
  selfId: number;
  openChat(groupId: string): void;
  detailShown(shown: boolean): void;
}

const ROLE_LABEL = { owner: 'owner', admin: 'admin', member: 'member' } as const;

export class GroupsView {
  readonly element: HTMLElement;
  private readonly lists = el('div', { class: 'sidebar-scroll' });
  private readonly listStatus = new StatusLine('groups-error', 'status-line inline');
  private readonly info: GroupInfo;
  private readonly layout: SplitLayout;

  constructor(private readonly options: GroupsViewOptions) {
    const { groups } = options;
    this.info = new GroupInfo(options.groupsApi, groups, options.friends, options.directory, options.selfId, {
      openChat: (groupId) => options.openChat(groupId),
      back: () => this.pick(null),
    });
    this.layout = new SplitLayout(
      el(
        'aside',
        { class: 'sidebar' },
        el('h2', { class: 'sidebar-title' }, 'Groups'),
        this.joinForm(),
        this.createForm(),
        this.lists,
      ),
      this.info.element,
      options.detailShown,
    );
    this.element = this.layout.element;
  }

  shown(): void {
    this.layout.reshown();
    this.options.groups.refresh().catch((e: unknown) => this.listStatus.error(e));
  }

  /** Shows a group's info (null: back to the list on a phone). */
  pick(groupId: string | null): void {
    this.info.show(groupId);
    if (groupId === null) this.layout.showList();
    else this.layout.showPane();
    this.render();
  }

  render(): void {
    const { groups } = this.options;
    const pending = [...groups.pending.keys()].filter((id) => !groups.group(id));
    for (const id of pending) this.options.directory.wantGroup(id); // its name, if the server shows it
    const rows = groups.groups.map((g) =>
      this.groupRow(
        g.groupId,
        'group-item',
        `${g.memberCount} member${g.memberCount === 1 ? '' : 's'} · ${ROLE_LABEL[g.myRole ?? 'member']}`,
      ),
    );
    const empty = groups.loaded ? 'You are in no group yet. Create one, or join one by its id.' : 'Loading…';
    refill(
      this.lists,
      this.listStatus.element,
      pending.length > 0
        ? section(
            'Waiting for approval',
            null,
            'groups-pending',
            el(
              'ul',
              { class: 'people-list' },
              ...pending.map((id) =>
                this.groupRow(id, 'group-pending', 'Asked to join', el('span', { class: 'pill' }, 'pending')),
              ),
            ),
          )
        : null,
      section(
        'My groups',
        groups.loaded ? groups.groups.length : null,
        'groups-section',
        rows.length > 0 ? el('ul', { class: 'people-list' }, ...rows) : el('p', { class: 'sidebar-empty' }, empty),
      ),
    );
    this.info.render();
  }

  private joinForm(): HTMLElement {
    const input = el('input', {
      type: 'text',
      'data-testid': 'group-join-id',
      id: 'group-join-id',
      placeholder: 'Group id',
      'aria-label': 'Id of the group to join',
      autocomplete: 'off',
    });
    const submit = el('button', { type: 'submit', class: 'primary', 'data-testid': 'group-join-submit' }, 'Join');
    const status = new StatusLine('group-join-status', 'form-status');
    const form = el(
      'form',
      { class: 'new-chat', novalidate: true },
      el('label', { class: 'form-caption', for: 'group-join-id' }, 'Join a group'),
      el('div', { class: 'new-chat-row' }, input, submit),
      status.element,
    );
    const join = async () => {
      const groupId = input.value.trim();
      status.clear();
      const outcome = await this.options.groups.join(groupId);
      input.value = '';
      if (outcome === 'joined') {
        status.show(`You joined ${this.options.directory.groupName(groupId)}.`, 'ok');
        this.pick(groupId);
      } else {
        status.show('Asked to join. An admin of the group will answer.', 'info');
      }
    };
    onSubmit(form, submit, join, (m) => status.show(m, 'error'));
    return form;
  }

  private createForm(): HTMLElement {
    const name = el('input', {
      type: 'text',
      'data-testid': 'group-create-name',
      id: 'group-create-name',
      placeholder: 'New group name',
      'aria-label': 'Name of the new group',
      maxlength: GROUP_NAME_MAX,
      autocomplete: 'off',
    });
    const policy = el(
      'select',
      { 'data-testid': 'group-create-policy', 'aria-label': 'Who may join' },
      ...JOIN_POLICIES.map((p) => el('option', { value: p }, POLICY_LABEL[p])),
    );
    const submit = el('button', { type: 'submit', class: 'secondary', 'data-testid': 'group-create-submit' }, 'Create');
    const status = new StatusLine('group-create-error', 'form-status');
    const form = el(
      'form',
      { class: 'new-chat create-group', novalidate: true },
      el('label', { class: 'form-caption', for: 'group-create-name' }, 'Create a group'),
      el('div', { class: 'new-chat-row' }, name, submit),
      policy,
      status.element,
    );
    const create = async () => {
      status.clear();
      const group = await this.options.groups.create({ name: name.value, joinPolicy: policy.value as JoinPolicy });
      name.value = '';
      this.pick(group.groupId);
    };
    onSubmit(form, submit, create, (m) => status.show(m, 'error'));
    return form;
  }

  private groupRow(groupId: string, testId: string, note: string, side: HTMLElement | null = null): HTMLElement {
    const open = el(
      'button',
      { type: 'button', class: 'person-open' },
      groupAvatar(this.options.directory, groupId),
      el(
        'span',
        { class: 'conversation-body' },
        el('span', { class: 'conversation-name' }, this.options.directory.groupName(groupId)),
        el('span', { class: 'conversation-preview' }, note),
      ),
    );
    open.addEventListener('click', () => this.pick(groupId));
    return el(
      'li',
      {
        class: `person-row${this.info.shownGroup === groupId ? ' active' : ''}`,
        'data-testid': testId,
        'data-group-id': groupId,
      },
      open,
      side,
    );
  }
}
