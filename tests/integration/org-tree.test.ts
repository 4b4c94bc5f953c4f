/**
 * The organisation tree run by the union itself, from a cloud with no demo data: create, rename, move, merge and
 * close with what ends up stored checked; staff scopes and applications follow moves and merges; staff out of
 * scope are refused and nothing is stored.
 */
import { applyInput } from '../support/api';
import { expectStored, givenApplicant, givenMember, givenOrg, givenStaff, useCloud } from '../support/scenario';

const env = useCloud({ demo: false });

const ALL = ['orgs', 'members', 'applications', 'audit'] as const;

async function tree() {
  const city = await givenOrg(env, { name: '某市总工会' });
  const east = await givenOrg(env, { parentId: city._id, kind: 'district', name: '东区总工会' });
  const west = await givenOrg(env, { parentId: city._id, kind: 'district', name: '西区总工会' });
  const street = await givenOrg(env, { parentId: east._id, kind: 'street', name: '东区某街道工会' });
  const unit = await givenOrg(env, { parentId: street._id, name: '东区某公司工会' });
  return { city, east, west, street, unit };
}

describe('create and rename', () => {
  it('lets an administrator create the root of an empty tree, then staff create and rename within their subtree', async () => {
    const admin = await givenStaff(env, { role: 'admin' });
    // (Other tests of this file build their own trees: the root test runs first, on an empty cloud.)
    const { org: root } = await env.ok(admin, 'org.create', {
      name: '新市总工会',
      parentId: null,
      kind: 'city',
      acceptsNewEmployment: true,
    });
    await expectStored(env, 'orgs', root._id, { name: '新市总工会', parentId: null, path: [root._id], status: 'active' });
    expect(
      await env.call(admin, 'org.create', { name: '另一个根', parentId: null, kind: 'city', acceptsNewEmployment: false }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '已有根工会「新市总工会」，请选择上级工会' },
    });

    const { org: district } = await env.ok(admin, 'org.create', {
      name: '新区总工会',
      parentId: root._id,
      kind: 'district',
      acceptsNewEmployment: false,
    });
    const staff = await givenStaff(env, { orgId: district._id });
    const { org: unit } = await env.ok(staff, 'org.create', {
      name: '新区某厂工会',
      parentId: district._id,
      kind: 'grassroots',
      acceptsNewEmployment: false,
    });
    await expectStored(env, 'orgs', unit._id, {
      parentId: district._id,
      path: [root._id, district._id, unit._id],
      kind: 'grassroots',
    });
    expect(await env.store.count('audit', { action: 'org.create', target: unit._id, actor: staff })).toBe(1);

    // A duplicate name under one parent, and a create above the staffer's subtree: refused, nothing stored.
    const before = await env.store.snapshot(ALL);
    expect(
      await env.call(staff, 'org.create', {
        name: '新区某厂工会',
        parentId: district._id,
        kind: 'grassroots',
        acceptsNewEmployment: false,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ORG_NAME_TAKEN', message: '同一上级工会下已有「新区某厂工会」，请换一个名称' },
    });
    expect(
      await env.call(staff, 'org.create', {
        name: '越权工会',
        parentId: root._id,
        kind: 'grassroots',
        acceptsNewEmployment: false,
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '「新市总工会」不在您管辖的工会范围内，无权调整' } });
    expect(await env.call(staff, 'org.rename', { orgId: root._id, name: '改个名' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await env.store.snapshot(ALL)).toEqual(before);

    const member = await givenMember(env, { orgId: unit._id });
    await env.ok(staff, 'org.rename', { orgId: unit._id, name: '新区某厂联合工会' });
    await expectStored(env, 'orgs', unit._id, { name: '新区某厂联合工会' });
    await expectStored(env, 'members', member.openid, { orgId: unit._id, orgName: '新区某厂联合工会' });
    expect(await env.store.count('audit', { action: 'org.rename', target: unit._id, 'details.from': '新区某厂工会' })).toBe(1);
    const listed = await env.ok(staff, 'org.tree', {});
    expect(listed.orgs.find((o) => o._id === unit._id)).toMatchObject({ name: '新区某厂联合工会', closed: false });
  });
});

describe('kinds: 区/县总工会, 街道/乡镇工会, 基层工会', () => {
  it('creates a 街道/乡镇工会 under a 区/县总工会 or the city, refuses it elsewhere (create and move); nothing stored', async () => {
    const { city, east, west, street, unit } = await tree();
    const admin = await givenStaff(env, { role: 'admin' });
    const eastStaff = await givenStaff(env, { orgId: east._id });
    const town = (
      await env.ok(eastStaff, 'org.create', {
        name: '东区某镇工会',
        parentId: east._id,
        kind: 'street',
        acceptsNewEmployment: false,
      })
    ).org;
    await expectStored(env, 'orgs', town._id, { parentId: east._id, kind: 'street', path: [city._id, east._id, town._id] });
    const cityStreet = (
      await env.ok(admin, 'org.create', {
        name: '市直某街道工会',
        parentId: city._id,
        kind: 'street',
        acceptsNewEmployment: true,
      })
    ).org;
    await expectStored(env, 'orgs', cityStreet._id, { parentId: city._id, kind: 'street', acceptsNewEmployment: true });
    // A 基层工会 sits under any union, a 街道/乡镇工会 included.
    const shop = (
      await env.ok(eastStaff, 'org.create', {
        name: '某镇某厂工会',
        parentId: town._id,
        kind: 'grassroots',
        acceptsNewEmployment: false,
      })
    ).org;
    await expectStored(env, 'orgs', shop._id, { kind: 'grassroots', path: [city._id, east._id, town._id, shop._id] });
    const industry = await givenOrg(env, { parentId: city._id, kind: 'industry', name: '某行业工会联合会' });
    const westUnit = await givenOrg(env, { parentId: west._id, name: '西区某公司工会' });

    const before = await env.store.snapshot(ALL);
    const refused = (parentKind: string) => ({
      ok: false,
      error: {
        code: 'ORG_PARENT_KIND',
        message: `街道/乡镇工会的上级应为区/县总工会或市总工会，不能设在${parentKind}之下，请另选上级工会`,
        details: { field: 'parentId' },
      },
    });
    expect(
      await env.call(eastStaff, 'org.create', {
        name: '错挂的街道工会',
        parentId: unit._id,
        kind: 'street',
        acceptsNewEmployment: false,
      }),
    ).toMatchObject(refused('基层工会'));
    expect(
      await env.call(admin, 'org.create', {
        name: '街道下的街道',
        parentId: street._id,
        kind: 'street',
        acceptsNewEmployment: false,
      }),
    ).toMatchObject(refused('街道/乡镇工会'));
    expect(await env.call(admin, 'org.move', { orgId: town._id, parentId: industry._id })).toMatchObject(
      refused('行业工会联合会'),
    );
    expect(await env.call(admin, 'org.move', { orgId: street._id, parentId: westUnit._id })).toMatchObject(refused('基层工会'));
    expect(await env.store.snapshot(ALL)).toEqual(before);

    // Under another 区/县总工会 it may move; org.tree names the kind.
    expect(await env.ok(admin, 'org.move', { orgId: town._id, parentId: west._id })).toMatchObject({ done: true });
    await expectStored(env, 'orgs', shop._id, { path: [city._id, west._id, town._id, shop._id] });
    const listed = (await env.ok(eastStaff, 'org.tree', {})).orgs;
    expect(listed.filter((o) => [street._id, east._id, unit._id].includes(o._id)).map((o) => [o.name, o.kind])).toEqual([
      ['东区总工会', 'district'],
      ['东区某街道工会', 'street'],
      ['东区某公司工会', 'grassroots'],
    ]);
  });

  it('takes a worker straight into a 街道/乡镇工会 (for a unit with no union of its own), not into a 区/县总工会', async () => {
    const { east, street } = await tree();
    const application = await env.ok('street-worker', 'membership.apply', applyInput({ orgId: street._id, name: '街道职工' }));
    await expectStored(env, 'applications', application._id, { orgId: street._id, status: 'pending' });
    expect(await env.call('district-worker', 'membership.apply', applyInput({ orgId: east._id }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请选择您所在单位的基层工会' },
    });
    expect(await env.store.count('applications', { openid: 'district-worker' })).toBe(0);
  });
});

describe('move', () => {
  it('moves a subtree: every path follows, the district staffer still sees its applications, the new parent’s staff too', async () => {
    const { city, east, west, street, unit } = await tree();
    const admin = await givenStaff(env, { role: 'admin' });
    const applicant = await givenApplicant(env, { orgId: unit._id, name: '街道申请' });
    const member = await givenMember(env, { orgId: unit._id, name: '街道会员' });
    const streetStaff = await givenStaff(env, { orgId: street._id });
    const westStaff = await givenStaff(env, { orgId: west._id });
    const eastStaff = await givenStaff(env, { orgId: east._id });
    expect((await env.ok(westStaff, 'membership.list', { status: 'pending' })).items).toEqual([]);

    const moved = await env.ok(admin, 'org.move', { orgId: street._id, parentId: west._id });
    expect(moved).toMatchObject({ done: true, path: [city._id, west._id, street._id] });

    await expectStored(env, 'orgs', street._id, { parentId: west._id, path: [city._id, west._id, street._id] });
    expect((await env.store.byId('orgs', street._id))?.moving).toBeUndefined();
    await expectStored(env, 'orgs', unit._id, { parentId: street._id, path: [city._id, west._id, street._id, unit._id] });
    await expectStored(env, 'applications', applicant.applicationId, { orgPath: [city._id, west._id, street._id, unit._id] });
    await expectStored(env, 'members', member.openid, { orgPath: [city._id, west._id, street._id, unit._id] });
    expect(await env.store.count('audit', { action: 'org.move', target: street._id, 'details.toParentId': west._id })).toBe(1);

    // Staff scopes are by org id: the street's staffer still sees its application; the new district's staff now
    // sees it; the old district's staff no longer does.
    expect((await env.ok(streetStaff, 'membership.list', { status: 'pending' })).items.map((x) => x.name)).toEqual(['街道申请']);
    expect((await env.ok(westStaff, 'membership.list', { status: 'pending' })).items.map((x) => x.name)).toEqual(['街道申请']);
    expect((await env.ok(eastStaff, 'membership.list', { status: 'pending' })).items).toEqual([]);
    await env.ok(westStaff, 'membership.approve', { applicationId: applicant.applicationId });
    await expectStored(env, 'members', applicant.openid, {
      orgId: unit._id,
      orgPath: [city._id, west._id, street._id, unit._id],
    });

    // Running the same move again is harmless.
    expect(await env.ok(admin, 'org.move', { orgId: street._id, parentId: west._id })).toMatchObject({ done: true, changed: 0 });
  });

  it('refuses a cycle, moving the root, and staff outside either end; nothing stored', async () => {
    const { city, east, west, street, unit } = await tree();
    const admin = await givenStaff(env, { role: 'admin' });
    const eastStaff = await givenStaff(env, { orgId: east._id });
    const before = await env.store.snapshot(ALL);
    expect(await env.call(admin, 'org.move', { orgId: east._id, parentId: unit._id })).toMatchObject({
      ok: false,
      error: { code: 'ORG_CYCLE', message: '不能把「东区总工会」移到它自己或其下级工会「东区某公司工会」之下' },
    });
    expect(await env.call(admin, 'org.move', { orgId: city._id, parentId: west._id })).toMatchObject({
      ok: false,
      error: { code: 'ORG_ROOT', message: '根工会不能移动' },
    });
    // The staffer manages the street but not the destination.
    expect(await env.call(eastStaff, 'org.move', { orgId: street._id, parentId: west._id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '「西区总工会」不在您管辖的工会范围内，无权调整' },
    });
    expect(await env.store.snapshot(ALL)).toEqual(before);
  });

  it('resumes an interrupted move: records still on the old path are found and rewritten by the same call', async () => {
    const { city, east, west, street, unit } = await tree();
    const admin = await givenStaff(env, { role: 'admin' });
    const applicant = await givenApplicant(env, { orgId: unit._id, name: '中断申请' });
    // As a move stopped by a timeout leaves it: parent and marker stored, paths not yet rewritten.
    const fromPath = [city._id, east._id, street._id];
    const toPath = [city._id, west._id, street._id];
    await env.store.db
      .collection('orgs')
      .doc(street._id)
      .update({ data: { parentId: west._id, moving: { fromPath, toPath, by: admin, at: new Date() } } });
    expect(await env.call(admin, 'org.move', { orgId: east._id, parentId: west._id })).toMatchObject({
      ok: false,
      error: { code: 'ORG_MOVE_PENDING', message: '「东区某街道工会」的移动尚未完成，请先完成该调整后再移动其他工会' },
    });
    expect(await env.call(admin, 'org.move', { orgId: street._id, parentId: city._id })).toMatchObject({
      ok: false,
      error: { code: 'ORG_MOVE_PENDING' },
    });
    // More records than one page (100) of one holder, written before the move was decided.
    for (let i = 0; i < 230; i += 1)
      await env.store.db
        .collection('notices')
        .add({ data: { title: `通知${i}`, orgId: unit._id, orgPath: [...fromPath, unit._id] } });
    expect(await env.ok(admin, 'org.move', { orgId: street._id, parentId: west._id })).toMatchObject({ done: true });
    await expectStored(env, 'applications', applicant.applicationId, { orgPath: [...toPath, unit._id] });
    expect(await env.store.count('notices', { orgPath: [...toPath, unit._id] })).toBe(230);
    expect(await env.store.count('notices', { orgPath: east._id })).toBe(0);
    await expectStored(env, 'orgs', unit._id, { path: [...toPath, unit._id] });
    expect((await env.store.byId('orgs', street._id))?.moving).toBeUndefined();
  });
});

describe('merge and close', () => {
  it('merges a union into another: members move as one bulk 转会, pending applications follow, no new applications', async () => {
    const { east, street, unit } = await tree();
    const target = await givenOrg(env, { parentId: street._id, name: '东区接收工会' });
    const a = await givenMember(env, { orgId: unit._id, name: '会员甲' });
    const b = await givenMember(env, { orgId: unit._id, name: '会员乙' });
    const applicant = await givenApplicant(env, { orgId: unit._id, name: '待审申请' });
    const eastStaff = await givenStaff(env, { orgId: east._id });

    const result = await env.ok(eastStaff, 'org.merge', { orgId: unit._id, targetOrgId: target._id });
    expect(result).toMatchObject({ done: true, movedMembers: 2, movedApplications: 1 });
    await expectStored(env, 'orgs', unit._id, {
      status: 'closed',
      mergedInto: target._id,
      closing: { done: true, movedMembers: 2 },
    });
    for (const m of [a, b]) {
      await expectStored(env, 'members', m.openid, {
        orgId: target._id,
        orgName: '东区接收工会',
        orgPath: target.path,
        orgHistory: [expect.objectContaining({ orgId: unit._id, orgName: '东区某公司工会' })],
      });
    }
    await expectStored(env, 'applications', applicant.applicationId, {
      orgId: target._id,
      orgPath: target.path,
      status: 'pending',
    });
    expect(await env.store.count('audit', { action: 'org.merge', target: unit._id, 'details.movedMembers': 2 })).toBe(1);

    // Closed: left out of pickers, refuses new applications and further changes.
    expect((await env.ok(eastStaff, 'org.tree', {})).orgs.map((o) => o._id)).not.toContain(unit._id);
    expect((await env.ok(eastStaff, 'org.tree', { includeClosed: true })).orgs.find((o) => o._id === unit._id)).toMatchObject({
      closed: true,
    });
    expect(await env.call('someone-new', 'membership.apply', applyInput({ orgId: unit._id }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '「东区某公司工会」已撤销，不再接收入会申请，请选择其他工会' },
    });
    expect(await env.store.count('applications', { openid: 'someone-new' })).toBe(0);
    expect(await env.call(eastStaff, 'org.rename', { orgId: unit._id, name: '复活' })).toMatchObject({
      ok: false,
      error: { code: 'ORG_CLOSED' },
    });
    // The same merge again finds nothing left to move and audits nothing twice.
    expect(await env.ok(eastStaff, 'org.merge', { orgId: unit._id, targetOrgId: target._id })).toMatchObject({
      done: true,
      movedMembers: 0,
    });
    expect(await env.store.count('audit', { action: 'org.merge', target: unit._id })).toBe(1);
  });

  it('moves who reviews with a merge: the receiving side’s staff decide the application and the 转会 into the union, the old side’s no longer see them', async () => {
    const { east, west, unit } = await tree();
    const target = await givenOrg(env, { parentId: west._id, name: '西区接收工会' });
    const elsewhere = await givenOrg(env, { parentId: west._id, name: '西区另一公司工会' });
    const admin = await givenStaff(env, { role: 'admin' });
    const unitStaff = await givenStaff(env, { orgId: unit._id });
    const eastStaff = await givenStaff(env, { orgId: east._id });
    const westStaff = await givenStaff(env, { orgId: west._id });
    const targetStaff = await givenStaff(env, { orgId: target._id });
    const applicant = await givenApplicant(env, { orgId: unit._id, name: '合并前申请' });
    // A member elsewhere asked to move INTO the union that is about to be merged away.
    const mover = await givenMember(env, { orgId: elsewhere._id, name: '转入会员' });
    const transfer = await env.ok(mover.openid, 'transfer.request', { toOrgId: unit._id, reason: '调动到该公司工作' });
    const pendingNames = async (who: string) =>
      (await env.ok(who, 'membership.list', { status: 'pending' })).items.map((x) => x.name);
    const transferNames = async (who: string) =>
      (await env.ok(who, 'transfer.list', { status: 'pending' })).items.map((x) => x.name);
    expect(await pendingNames(unitStaff)).toEqual(['合并前申请']);
    expect(await transferNames(eastStaff)).toEqual(['转入会员']);

    const merged = await env.ok(admin, 'org.merge', { orgId: unit._id, targetOrgId: target._id });
    expect(merged).toMatchObject({ done: true, movedApplications: 1, movedTransfers: 1 });
    await expectStored(env, 'transfers', transfer._id, {
      status: 'pending',
      toOrgId: target._id,
      toOrgName: '西区接收工会',
      toOrgPath: target.path,
      movedFromOrgId: unit._id,
    });
    await expectStored(env, 'orgs', unit._id, { closing: { done: true, movedApplications: 1, movedTransfers: 1 } });
    expect(await env.store.count('audit', { action: 'org.merge', target: unit._id, 'details.movedTransfers': 1 })).toBe(1);

    // The merged union's staff and its old district's no longer see either; the receiving side's do.
    for (const gone of [unitStaff, eastStaff]) {
      expect(await pendingNames(gone)).toEqual([]);
      expect(await transferNames(gone)).toEqual([]);
    }
    for (const now of [targetStaff, westStaff]) {
      expect(await pendingNames(now)).toEqual(['合并前申请']);
      expect(await transferNames(now)).toEqual(['转入会员']);
    }
    expect(await env.call(eastStaff, 'transfer.approve', { transferId: transfer._id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await env.ok(targetStaff, 'membership.approve', { applicationId: applicant.applicationId });
    await expectStored(env, 'members', applicant.openid, { orgId: target._id, orgPath: target.path });
    await env.ok(targetStaff, 'transfer.approve', { transferId: transfer._id });
    await expectStored(env, 'members', mover.openid, { orgId: target._id, orgName: '西区接收工会', orgPath: target.path });
  });

  it('asks where a union’s members go while a 转会 into it waits, even with no members', async () => {
    const { east, unit } = await tree();
    const empty = await givenOrg(env, { parentId: east._id, name: '待撤销的空工会' });
    const admin = await givenStaff(env, { role: 'admin' });
    const mover = await givenMember(env, { orgId: unit._id, name: '想转入的会员' });
    await env.ok(mover.openid, 'transfer.request', { toOrgId: empty._id, reason: '调动到该公司工作' });
    const before = await env.store.snapshot([...ALL, 'transfers']);
    expect(await env.call(admin, 'org.close', { orgId: empty._id })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '「待撤销的空工会」还有0名会员、0份待审核申请、1份待审核的转入申请，请选择接收会员的工会',
      },
    });
    expect(await env.store.snapshot([...ALL, 'transfers'])).toEqual(before);
  });

  it('refuses closing the root, a target inside the closed subtree, a union with children, and out-of-scope staff', async () => {
    const { city, east, west, street, unit } = await tree();
    const admin = await givenStaff(env, { role: 'admin' });
    await givenMember(env, { orgId: unit._id });
    const westStaff = await givenStaff(env, { orgId: west._id });
    const before = await env.store.snapshot(ALL);
    expect(await env.call(admin, 'org.close', { orgId: city._id, targetOrgId: west._id })).toMatchObject({
      ok: false,
      error: { code: 'ORG_ROOT', message: '根工会不能撤销或合并' },
    });
    expect(await env.call(admin, 'org.close', { orgId: street._id, targetOrgId: unit._id })).toMatchObject({
      ok: false,
      error: { code: 'ORG_HAS_CHILDREN', message: '「东区某街道工会」下还有1个下级工会，请先移动或撤销下级工会' },
    });
    expect(await env.call(admin, 'org.merge', { orgId: unit._id, targetOrgId: unit._id })).toMatchObject({
      ok: false,
      error: { code: 'ORG_TARGET_INVALID', message: '接收会员的工会不能是「东区某公司工会」本身或其下级工会' },
    });
    expect(await env.call(admin, 'org.close', { orgId: unit._id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '「东区某公司工会」还有1名会员、0份待审核申请，请选择接收会员的工会' },
    });
    // West staff manage the target but not the union closed.
    expect(await env.call(westStaff, 'org.merge', { orgId: unit._id, targetOrgId: west._id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '「东区某公司工会」不在您管辖的工会范围内，无权调整' },
    });
    expect(await env.store.snapshot(ALL)).toEqual(before);

    // An empty union closes without a target.
    const empty = await givenOrg(env, { parentId: east._id, name: '空工会' });
    expect(await env.ok(admin, 'org.close', { orgId: empty._id })).toMatchObject({ done: true, targetOrgId: null });
    await expectStored(env, 'orgs', empty._id, { status: 'closed' });
    expect(await env.store.count('audit', { action: 'org.close', target: empty._id })).toBe(1);
  });
});
