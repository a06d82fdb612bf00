// The groups I am in, and the applications this tab sent that wait for an owner or admin. A
// change is applied here only after the server agreed. The server has no list of my pending
// applications, so they are remembered for this tab only, and one ends when its group shows up
// among mine (approved) on a later refresh.

import { isGroupId } from './conversation-id';
import type { Directory } from './directory';
import type { Group, GroupsApi, JoinPolicy, NewGroup } from './groups-api';
import type { RowId } from './http-api';
import { Observable } from './observable';

export type GroupsPort = Pick<GroupsApi, 'mine' | 'get' | 'create' | 'join' | 'leave' | 'dissolve'>;

export const GROUP_NAME_MAX = 64;
export const JOIN_POLICIES: readonly JoinPolicy[] = ['open', 'approval', 'invite'];

export function groupNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'Give the group a name.';
  if (trimmed.length > GROUP_NAME_MAX) return `A group name has at most ${GROUP_NAME_MAX} characters.`;
  return null;
}

export function groupIdProblem(groupId: string): string | null {
  return isGroupId(groupId.trim()) ? null : 'A group id is letters, digits and dashes, as the group shows it.';
}

export class GroupsStore extends Observable {
  groups: Group[] = [];
  /** groupId -> applicationId of my applications still waiting (this tab only). */
  readonly pending = new Map<string, RowId>();
  loaded = false;
  private generation = 0;

  constructor(
    private readonly api: GroupsPort,
    private readonly directory: Directory,
  ) {
    super();
  }

  group(groupId: string): Group | undefined {
    return this.groups.find((g) => g.groupId === groupId);
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const { items } = await this.api.mine();
    if (generation !== this.generation) return;
    this.groups = items;
    for (const g of items) {
      this.pending.delete(g.groupId);
      this.directory.rememberGroup(g);
    }
    this.loaded = true;
    this.emit();
  }

  async create(group: NewGroup): Promise<Group> {
    const problem = groupNameProblem(group.name);
    if (problem) throw new Error(problem);
    const created = await this.api.create({ ...group, name: group.name.trim() });
    this.put(created);
    return created;
  }

  /** 'joined' (now a member) or 'pending' (an owner or admin must approve). */
  async join(groupId: string, message?: string): Promise<'joined' | 'pending'> {
    const id = groupId.trim();
    const problem = groupIdProblem(id);
    if (problem) throw new Error(problem);
    const result = await this.api.join(id, message);
    if (result.status === 'pending') {
      this.pending.set(id, result.applicationId);
      this.emit();
      return 'pending';
    }
    this.pending.delete(id);
    this.put(await this.api.get(id));
    return 'joined';
  }

  async leave(groupId: string): Promise<void> {
    await this.api.leave(groupId);
    this.drop(groupId);
  }

  async dissolve(groupId: string): Promise<void> {
    await this.api.dissolve(groupId);
    this.drop(groupId);
  }

  /**
   * A newer copy of a group (from its info pane, say) replaces the listed one. A copy that says
   * I am not a member (kicked, or never was) takes the group off my list instead.
   */
  put(group: Group): void {
    if (!group.myRole) return this.drop(group.groupId);
    const index = this.groups.findIndex((g) => g.groupId === group.groupId);
    if (index === -1) this.groups = [group, ...this.groups];
    else this.groups = this.groups.map((g, i) => (i === index ? group : g));
    this.directory.rememberGroup(group);
    this.emit();
  }

  /** Forgets a group I am no longer in (left, kicked, dissolved). */
  drop(groupId: string): void {
    if (!this.group(groupId)) return;
    this.groups = this.groups.filter((g) => g.groupId !== groupId);
    this.emit();
  }
}
