import { describe, expect, it } from 'vitest';
import { apiAnswering, json, noContent } from './fake-fetch';
import { GroupsApi } from './groups-api';

const G = '7400000000000000001';

describe('GroupsApi', () => {
  it('creates a group and keeps its string id exactly', async () => {
    const body = `{"groupId":"${G}","name":"Climbers","avatarUrl":null,"notice":null,"joinPolicy":"open","ownerId":1,"memberCount":1,"myRole":"owner"}`;
    const { api, calls } = apiAnswering(new Response(body, { status: 201 }));
    const group = await new GroupsApi(api).create({ name: 'Climbers', joinPolicy: 'open' });
    expect(group.groupId).toBe(G);
    expect(calls()).toEqual([['POST', '/api/groups', { name: 'Climbers', joinPolicy: 'open' }]]);
  });

  it('tells a joined group from a pending application', async () => {
    const joined = apiAnswering(json(200, { status: 'joined' }));
    await expect(new GroupsApi(joined.api).join(G)).resolves.toEqual({ status: 'joined' });
    expect(joined.calls()).toEqual([['POST', `/api/groups/${G}/join`, {}]]);

    const pending = apiAnswering(json(202, { status: 'pending', applicationId: 5 }));
    await expect(new GroupsApi(pending.api).join(G, 'let me in')).resolves.toEqual({
      status: 'pending',
      applicationId: 5,
    });
    expect(pending.calls()).toEqual([['POST', `/api/groups/${G}/join`, { message: 'let me in' }]]);
  });

  it('calls each endpoint with its method, path and body', async () => {
    const { api, calls } = apiAnswering(() => noContent());
    const groups = new GroupsApi(api);
    await groups.mine();
    await groups.get(G);
    await groups.update(G, { notice: 'Sunday 10:00' });
    await groups.members(G, 20, null);
    await groups.members(G, 20, 'c2');
    await groups.applications(G);
    await groups.approve(G, 5);
    await groups.reject(G, 6);
    await groups.invite(G, [2, 3]);
    await groups.leave(G);
    await groups.kick(G, 2);
    await groups.setRole(G, 2, 'admin');
    await groups.transfer(G, 2);
    await groups.dissolve(G);
    expect(calls()).toEqual([
      ['GET', '/api/groups', undefined],
      ['GET', `/api/groups/${G}`, undefined],
      ['PATCH', `/api/groups/${G}`, { notice: 'Sunday 10:00' }],
      ['GET', `/api/groups/${G}/members?limit=20`, undefined],
      ['GET', `/api/groups/${G}/members?limit=20&cursor=c2`, undefined],
      ['GET', `/api/groups/${G}/applications`, undefined],
      ['POST', `/api/groups/${G}/applications/5/approve`, undefined],
      ['POST', `/api/groups/${G}/applications/6/reject`, undefined],
      ['POST', `/api/groups/${G}/invitations`, { userIds: [2, 3] }],
      ['POST', `/api/groups/${G}/leave`, undefined],
      ['DELETE', `/api/groups/${G}/members/2`, undefined],
      ['PUT', `/api/groups/${G}/members/2/role`, { role: 'admin' }],
      ['POST', `/api/groups/${G}/transfer`, { userId: 2 }],
      ['DELETE', `/api/groups/${G}`, undefined],
    ]);
  });
});
