// The group endpoints of docs/protocol.md: a group's life (create, change, dissolve), joining
// (open, by application, by invitation), members and their roles. Thin: one request a method.

import { apiPath, query, type Page, type ParleyApi, type RowId } from './http-api';

export type JoinPolicy = 'open' | 'approval' | 'invite';
export type GroupRole = 'owner' | 'admin' | 'member';

export interface Group {
  /** A string: 64-bit ids do not fit a JS number. */
  groupId: string;
  name: string;
  avatarUrl: string | null;
  notice: string | null;
  joinPolicy: JoinPolicy;
  ownerId: number;
  memberCount: number;
  /** My role; null (or absent) when I am not a member and the server shows the group anyway. */
  myRole?: GroupRole | null;
}

export interface NewGroup {
  name: string;
  joinPolicy: JoinPolicy;
  avatarUrl?: string;
  notice?: string;
}

export interface GroupMember {
  userId: number;
  displayName: string;
  role: GroupRole;
  joinedAt: number | string;
}

export interface GroupApplication {
  applicationId: RowId;
  userId: number;
  displayName: string;
  message: string | null;
  createdAt: number | string;
}

export type JoinResult = { status: 'joined' } | { status: 'pending'; applicationId: RowId };

/** A group's invite code (owners and admins see them); null = no limit. */
export interface InviteCode {
  code: string;
  groupId: string;
  createdAt: number;
  expiresAt: number | null;
  maxUses: number | null;
  uses: number;
}

/** What an invite link shows before joining. */
export interface InvitePreview {
  groupId: string;
  name: string;
  memberCount: number;
  joinPolicy: JoinPolicy;
  /** I am in the group already. */
  member: boolean;
}

export type InviteJoinResult = { status: 'joined' | 'pending'; groupId: string };

export class GroupsApi {
  constructor(private readonly api: ParleyApi) {}

  create(group: NewGroup): Promise<Group> {
    return this.api.request('POST', '/api/groups', group);
  }

  mine(): Promise<{ items: Group[] }> {
    return this.api.request('GET', '/api/groups');
  }

  get(groupId: string): Promise<Group> {
    return this.api.request('GET', apiPath('groups', groupId));
  }

  update(
    groupId: string,
    changes: Partial<Pick<Group, 'name' | 'avatarUrl' | 'notice' | 'joinPolicy'>>,
  ): Promise<Group> {
    return this.api.request('PATCH', apiPath('groups', groupId), changes);
  }

  async dissolve(groupId: string): Promise<void> {
    await this.api.request('DELETE', apiPath('groups', groupId));
  }

  members(groupId: string, limit: number, cursor: string | null): Promise<Page<GroupMember>> {
    return this.api.request('GET', `${apiPath('groups', groupId, 'members')}${query({ limit, cursor })}`);
  }

  /** 200 {status: joined} for an open group; 202 {status: pending, applicationId} for one that approves. */
  join(groupId: string, message?: string): Promise<JoinResult> {
    return this.api.request('POST', apiPath('groups', groupId, 'join'), message ? { message } : {});
  }

  applications(groupId: string): Promise<{ items: GroupApplication[] }> {
    return this.api.request('GET', apiPath('groups', groupId, 'applications'));
  }

  async approve(groupId: string, applicationId: RowId): Promise<void> {
    await this.api.request('POST', apiPath('groups', groupId, 'applications', applicationId, 'approve'));
  }

  async reject(groupId: string, applicationId: RowId): Promise<void> {
    await this.api.request('POST', apiPath('groups', groupId, 'applications', applicationId, 'reject'));
  }

  invite(groupId: string, userIds: number[]): Promise<{ added: number[] }> {
    return this.api.request('POST', apiPath('groups', groupId, 'invitations'), { userIds });
  }

  async leave(groupId: string): Promise<void> {
    await this.api.request('POST', apiPath('groups', groupId, 'leave'));
  }

  async kick(groupId: string, userId: number): Promise<void> {
    await this.api.request('DELETE', apiPath('groups', groupId, 'members', userId));
  }

  async setRole(groupId: string, userId: number, role: 'admin' | 'member'): Promise<void> {
    await this.api.request('PUT', apiPath('groups', groupId, 'members', userId, 'role'), { role });
  }

  createInviteCode(groupId: string, limits: { expiresInSeconds?: number; maxUses?: number } = {}): Promise<InviteCode> {
    return this.api.request('POST', apiPath('groups', groupId, 'invite-codes'), limits);
  }

  inviteCodes(groupId: string): Promise<{ items: InviteCode[] }> {
    return this.api.request('GET', apiPath('groups', groupId, 'invite-codes'));
  }

  async revokeInviteCode(groupId: string, code: string): Promise<void> {
    await this.api.request('DELETE', apiPath('groups', groupId, 'invite-codes', code));
  }

  previewInvite(code: string): Promise<InvitePreview> {
    return this.api.request('GET', apiPath('invites', code));
  }

  joinByInvite(code: string): Promise<InviteJoinResult> {
    return this.api.request('POST', apiPath('invites', code, 'join'));
  }

  async transfer(groupId: string, userId: number): Promise<void> {
    await this.api.request('POST', apiPath('groups', groupId, 'transfer'), { userId });
  }
}
