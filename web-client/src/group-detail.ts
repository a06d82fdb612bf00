// One group as its info pane shows it: the group, its members (paged), and for an owner or admin
// the applications waiting for an answer. The permission checks here only decide which buttons
// to show; the server checks again and its refusal is what the user sees if they disagree.

import type { Directory } from './directory';
import type { Group, GroupApplication, GroupMember, GroupRole, GroupsApi } from './groups-api';
import { sameId, type RowId } from './http-api';
import { Observable } from './observable';

export type GroupDetailPort = Pick<
  GroupsApi,
  'get' | 'members' | 'applications' | 'approve' | 'reject' | 'invite' | 'kick' | 'setRole' | 'transfer'
>;

export const MEMBERS_PAGE_SIZE = 20;

const RANK: Record<GroupRole, number> = { owner: 2, admin: 1, member: 0 };

export class GroupDetail extends Observable {
  group: Group | null = null;
  members: GroupMember[] = [];
  applications: GroupApplication[] = [];
  private cursor: string | null = null;

  constructor(
    private readonly api: GroupDetailPort,
    readonly groupId: string,
    private readonly selfId: number,
    private readonly directory: Directory,
    private readonly pageSize = MEMBERS_PAGE_SIZE,
  ) {
    super();
  }

  get myRole(): GroupRole | null {
    return this.group?.myRole ?? null;
  }

  /** Owner or admin: may answer applications, invite and remove members. */
  get canManage(): boolean {
    return this.myRole === 'owner' || this.myRole === 'admin';
  }

  get hasMoreMembers(): boolean {
    return this.cursor !== null;
  }

  /** Someone may be removed by a manager who outranks them (the owner removes admins too). */
  canKick(member: GroupMember): boolean {
    const mine = this.myRole;
    return mine !== null && member.userId !== this.selfId && RANK[mine] > RANK[member.role] && this.canManage;
  }

  /** Only the owner makes and unmakes admins. */
  canChangeRole(member: GroupMember): boolean {
    return this.myRole === 'owner' && member.userId !== this.selfId && member.role !== 'owner';
  }

  /** The group, its first page of members, and the applications if I may answer them. */
  async load(): Promise<void> {
    const group = await this.api.get(this.groupId);
    this.group = group;
    this.directory.rememberGroup(group);
    const [members, applications] = await Promise.all([
      this.api.members(this.groupId, this.pageSize, null),
      this.canManage ? this.api.applications(this.groupId) : Promise.resolve({ items: [] }),
    ]);
    this.members = members.items;
    this.cursor = members.nextCursor;
    this.applications = applications.items;
    this.learnNames();
    this.emit();
  }

  async moreMembers(): Promise<void> {
    if (this.cursor === null) return;
    const page = await this.api.members(this.groupId, this.pageSize, this.cursor);
    const known = new Set(this.members.map((m) => m.userId));
    this.members = [...this.members, ...page.items.filter((m) => !known.has(m.userId))];
    this.cursor = page.nextCursor;
    this.learnNames();
    this.emit();
  }

  async approve(applicationId: RowId): Promise<void> {
    await this.api.approve(this.groupId, applicationId);
    this.dropApplication(applicationId);
    await this.load(); // the new member and the new count come from the server
  }

  async reject(applicationId: RowId): Promise<void> {
    await this.api.reject(this.groupId, applicationId);
    this.dropApplication(applicationId);
    this.emit();
  }

  /** The ids the server added (those already members, say, are left out). */
  async invite(userIds: number[]): Promise<number[]> {
    const { added } = await this.api.invite(this.groupId, userIds);
    if (added.length > 0) await this.load();
    return added;
  }

  async kick(userId: number): Promise<void> {
    await this.api.kick(this.groupId, userId);
    this.members = this.members.filter((m) => m.userId !== userId);
    if (this.group) this.group = { ...this.group, memberCount: Math.max(0, this.group.memberCount - 1) };
    this.emit();
  }

  async setRole(userId: number, role: 'admin' | 'member'): Promise<void> {
    await this.api.setRole(this.groupId, userId, role);
    this.members = this.members.map((m) => (m.userId === userId ? { ...m, role } : m));
    this.emit();
  }

  /** Hands the group to another member; I stay on as an admin, as the server decides. */
  async transfer(userId: number): Promise<void> {
    await this.api.transfer(this.groupId, userId);
    await this.load();
  }

  private dropApplication(applicationId: RowId): void {
    this.applications = this.applications.filter((a) => !sameId(a.applicationId, applicationId));
  }

  private learnNames(): void {
    for (const m of this.members) this.directory.rememberUser({ userId: m.userId, displayName: m.displayName });
  }
}
