/**
 * 工会动态 with an audience: a circular to 各基层工会 (staff only) or a notice for one union's subtree must not land on
 * every member's 首页. Each reader's list and detail are checked against who the notice is for.
 */
import { givenMember, givenOrg, givenStaff, useCloud } from '../support/scenario';

const env = useCloud({ demo: false });

type Titles = string[];
let readers: Record<string, string>;
const notice = (title: string) => ({ title, date: '2026-12-01', body: '这是一条用于测试阅读范围的工会动态正文。' });

async function titlesFor(openid: string): Promise<Titles> {
  const page = await env.ok(openid, 'notices.list', { page: 1 });
  return page.items.map((i) => i.title).sort();
}

let ids: Record<string, string>;

beforeAll(async () => {
  const city = await givenOrg(env, { name: '市总工会' });
  const a = await givenOrg(env, { name: '甲区总工会', parentId: city._id, kind: 'district' });
  const a1 = await givenOrg(env, { name: '甲区某厂工会', parentId: a._id });
  const b = await givenOrg(env, { name: '乙区总工会', parentId: city._id, kind: 'district' });
  const admin = await givenStaff(env, { role: 'admin' });
  const staffA = await givenStaff(env, { orgId: a._id });
  readers = {
    admin,
    staffA,
    staffA1: await givenStaff(env, { orgId: a1._id }),
    staffB: await givenStaff(env, { orgId: b._id }),
    memberA1: (await givenMember(env, { orgId: a1._id })).openid,
    memberB: (await givenMember(env, { orgId: b._id })).openid,
    visitor: 'visitor-no-role',
  };
  ids = {};
  ids.all = (await env.ok(staffA, 'notices.save', { ...notice('甲区面向全体会员'), orgId: a._id }))._id;
  ids.staff = (await env.ok(staffA, 'notices.save', { ...notice('甲区致各基层工会'), orgId: a._id, audience: 'staff' }))._id;
  ids.subtree = (await env.ok(staffA, 'notices.save', { ...notice('甲区会员专享活动'), orgId: a._id, audience: 'subtree' }))._id;
  ids.cityStaff = (
    await env.ok(admin, 'notices.save', { ...notice('市总致各区工会干部'), orgId: city._id, audience: 'staff' })
  )._id;
}, 120_000);

describe('notices with an audience', () => {
  it('are stored with their audience; a notice without one is for everyone', async () => {
    expect(await env.store.byId('notices', ids.staff)).toMatchObject({ audience: 'staff', orgName: '甲区总工会' });
    expect(await env.store.byId('notices', ids.all)).toMatchObject({ audience: 'all' });
    expect(await env.store.count('notices')).toBe(4);
  });

  it('reach only their readers in each list', async () => {
    expect(await titlesFor(readers.memberB)).toEqual(['甲区面向全体会员']);
    expect(await titlesFor(readers.visitor)).toEqual(['甲区面向全体会员']);
    expect(await titlesFor(readers.memberA1)).toEqual(['甲区会员专享活动', '甲区面向全体会员']);
    expect(await titlesFor(readers.staffA1)).toEqual(
      ['市总致各区工会干部', '甲区会员专享活动', '甲区致各基层工会', '甲区面向全体会员'].sort(),
    );
    expect(await titlesFor(readers.staffB)).toEqual(['市总致各区工会干部', '甲区面向全体会员'].sort());
    expect(await titlesFor(readers.staffA)).toEqual(
      ['市总致各区工会干部', '甲区会员专享活动', '甲区致各基层工会', '甲区面向全体会员'].sort(),
    );
    expect(await titlesFor(readers.admin)).toHaveLength(4);
  });

  it('open only for their readers; others are told it does not exist', async () => {
    for (const [who, id] of [
      [readers.memberA1, ids.staff],
      [readers.memberB, ids.subtree],
      [readers.visitor, ids.cityStaff],
      [readers.staffB, ids.subtree],
    ]) {
      expect(await env.call(who, 'notices.get', { noticeId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await env.ok(readers.memberA1, 'notices.get', { noticeId: ids.subtree })).toMatchObject({ audience: 'subtree' });
    expect(await env.ok(readers.staffA1, 'notices.get', { noticeId: ids.staff })).toMatchObject({
      audience: 'staff',
      editable: false,
    });
  });

  it('refuse an unknown audience and store nothing', async () => {
    const before = await env.store.snapshot(['notices', 'audit']);
    const r = await env.call(readers.staffA, 'notices.save', { ...notice('无效范围的动态'), orgId: 'x', audience: 'everyone' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'audience' } } });
    expect(await env.store.snapshot(['notices', 'audit'])).toEqual(before);
  });
});
