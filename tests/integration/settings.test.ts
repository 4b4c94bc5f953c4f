/**
 * 本工会设置 (issue 19): administrators edit the union's settings in the app; a save from a stale read is refused
 * (two administrators never silently overwrite each other); anyone reads the public part; an area switched off
 * refuses every one of its actions in Chinese and stores nothing, and works again once switched on.
 */
import { DEMO_SETTINGS } from '../../cloudfunctions/api/fixtures/settings/demo';
import { toForm, toSaveInput } from '../../src/packages/settings/form';
import { applyInput } from '../support/api';
import { callApiCounted } from '../support/requests';
import { outbox } from '../support/trips';
import { useCloud } from '../support/scenario';

const env = useCloud();
const ADMIN = 'demo-admin';
const MEMBER = 'demo-member-01';
const STAFF = 'demo-staff-city';

type SaveInput = Parameters<typeof env.ok<'settings.save'>>[2];

const saveInput = (version: number, overrides: Partial<SaveInput> = {}): SaveInput => ({
  version,
  union: DEMO_SETTINGS.union as SaveInput['union'],
  areas: { ...DEMO_SETTINGS.areas },
  ...overrides,
});

const stored = () => env.store.byId<Record<string, unknown>>('settings', 'union');

describe('settings', () => {
  it('the demo union is what the seed loads, and anyone reads it', async () => {
    const view = await env.ok(MEMBER, 'settings.get', {});
    expect(view).toMatchObject({
      union: { name: '常州市总工会', city: '常州市', hotline: '12351', mapCenter: { latitude: 31.781, longitude: 119.98 } },
      areas: { legalAid: true, matchmaking: true },
      version: 1,
    });
    expect(view.union.districts).toContain('武进区');
    expect(view.union.districtCenters['武进区']).toEqual({ latitude: 31.705, longitude: 119.945 });
    expect(view.subscribeTemplateIds.membership_status).toBe('membership_status');
  });

  it('an administrator saves; the next read shows it with the next version; audited', async () => {
    const { version } = await env.ok(ADMIN, 'settings.get', {});
    const union = {
      ...DEMO_SETTINGS.union,
      name: '常州市总工会（测试）',
      hotline: '0519-12351',
      districts: ['天宁区', '钟楼区'],
    };
    const saved = await env.ok(ADMIN, 'settings.save', saveInput(version, { union: union as SaveInput['union'] }));
    expect(saved).toMatchObject({ version: version + 1, union: { name: '常州市总工会（测试）', hotline: '0519-12351' } });
    expect(await stored()).toMatchObject({
      version: version + 1,
      updatedBy: ADMIN,
      union: { name: '常州市总工会（测试）', hotline: '0519-12351', districts: ['天宁区', '钟楼区'] },
      // Left out of the input: kept as stored.
      subscribeTemplateIds: DEMO_SETTINGS.subscribeTemplateIds,
      deadlines: DEMO_SETTINGS.deadlines,
    });
    // The centres of districts no longer listed go with them.
    expect(Object.keys(((await stored())?.union as { districtCenters: object }).districtCenters)).toEqual(['天宁区', '钟楼区']);
    const read = await env.ok(MEMBER, 'settings.get', {});
    expect(read).toMatchObject({ version: version + 1, union: { hotline: '0519-12351' } });
    expect(read.union.districtCenters).toEqual({
      天宁区: DEMO_SETTINGS.union.districtCenters['天宁区'],
      钟楼区: DEMO_SETTINGS.union.districtCenters['钟楼区'],
    });
    expect(await env.store.count('audit', { action: 'settings.save', actor: ADMIN })).toBe(1);
  });

  it('takes the 系统设置 form as the page sends it: deadlines and template ids edited in the app are stored and read back', async () => {
    const view = await env.ok(ADMIN, 'settings.get', {});
    const form = toForm(view);
    const edited = {
      ...form,
      deadlines: { ...form.deadlines, reviewDays: '5', firstAnswerHours: '24' },
      templateIds: { ...form.templateIds, review_overdue: 'tmpl-Overdue_9-x', legal_aid_reminder: '' },
    };
    const { input, errors } = toSaveInput(edited, view.version);
    expect(errors).toEqual({});
    const saved = await env.ok(ADMIN, 'settings.save', input!);
    expect(saved.deadlines).toEqual({ ...DEMO_SETTINGS.deadlines, reviewDays: 5, firstAnswerHours: 24 });
    const ids = (await stored())?.subscribeTemplateIds as Record<string, string>;
    expect(ids).toMatchObject({ review_overdue: 'tmpl-Overdue_9-x', membership_status: 'membership_status' });
    expect(ids).not.toHaveProperty('legal_aid_reminder');
    expect((await env.ok(MEMBER, 'settings.get', {})).deadlines.reviewDays).toBe(5);
    // Back to the demo union's values for the tests after this one.
    const now = await env.ok(ADMIN, 'settings.get', {});
    await env.ok(
      ADMIN,
      'settings.save',
      saveInput(now.version, { subscribeTemplateIds: DEMO_SETTINGS.subscribeTemplateIds, deadlines: DEMO_SETTINGS.deadlines }),
    );
  });

  it('sends subscribe messages with the template ids and field mapping an administrator edited in the app', async () => {
    const { version } = await env.ok(ADMIN, 'settings.get', {});
    await env.ok(
      ADMIN,
      'settings.save',
      saveInput(version, {
        subscribeTemplateIds: { ...DEMO_SETTINGS.subscribeTemplateIds, membership_status: 'tmpl-Member_2026' },
        subscribeTemplateFields: { membership_status: { thing7: 'title', phrase3: 'status', date2: 'time' } },
      }),
    );
    const who = 'settings-applicant';
    await env.ok(who, 'notify.consent', { templateKey: 'membership_status', accepted: true });
    const app = await env.ok(who, 'membership.apply', applyInput({ name: '钱文华' }));
    await env.ok(ADMIN, 'membership.approve', { applicationId: app._id, submittedAt: app.submittedAt });
    const sent = (await outbox(env.cloud.baseUrl)).filter((m) => m.touser === who);
    expect(sent).toHaveLength(1);
    expect(sent[0].templateId).toBe('tmpl-Member_2026');
    expect(Object.keys(sent[0].data).sort()).toEqual(['date2', 'phrase3', 'thing7']);
    expect(sent[0].data.date2.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(Array.from(sent[0].data.phrase3.value).length).toBeLessThanOrEqual(5);
    expect(sent[0].data.thing7.value.length).toBeGreaterThan(0);
    // Back to the demo union's templates for the tests after this one.
    const now = await env.ok(ADMIN, 'settings.get', {});
    await env.ok(
      ADMIN,
      'settings.save',
      saveInput(now.version, {
        subscribeTemplateIds: DEMO_SETTINGS.subscribeTemplateIds,
        subscribeTemplateFields: DEMO_SETTINGS.subscribeTemplateFields,
      }),
    );
  });

  it('stores the field mapping typed beside a template in 系统设置, and the next message is sent with it', async () => {
    const view = await env.ok(ADMIN, 'settings.get', {});
    const form = toForm(view);
    expect(form.templateFields.membership_status).toBe('thing1=title, phrase2=status, time3=time, thing4=note');
    const { input, errors } = toSaveInput(
      { ...form, templateFields: { ...form.templateFields, membership_status: 'thing2=title，phrase5=状态, date9=time' } },
      view.version,
    );
    expect(errors).toEqual({});
    await env.ok(ADMIN, 'settings.save', input!);
    expect((await stored())?.subscribeTemplateFields).toEqual({
      membership_status: { thing2: 'title', phrase5: 'status', date9: 'time' },
    });
    expect(toForm(await env.ok(ADMIN, 'settings.get', {})).templateFields.membership_status).toBe(
      'thing2=title, phrase5=status, date9=time',
    );

    const who = 'settings-fields-applicant';
    await env.ok(who, 'notify.consent', { templateKey: 'membership_status', accepted: true });
    const app = await env.ok(who, 'membership.apply', applyInput({ name: '孙文静' }));
    await env.ok(ADMIN, 'membership.approve', { applicationId: app._id, submittedAt: app.submittedAt });
    const sent = (await outbox(env.cloud.baseUrl)).filter((m) => m.touser === who);
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0].data).sort()).toEqual(['date9', 'phrase5', 'thing2']);
    expect(sent[0].data.date9.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(sent[0].data.phrase5.value).toBe('已通过');

    // A part the message does not have is refused by the server too (the form names it first); nothing stored.
    const before = await env.store.snapshot(['settings', 'audit']);
    const { version } = await env.ok(ADMIN, 'settings.get', {});
    expect(
      await env.call(ADMIN, 'settings.save', {
        ...saveInput(version),
        subscribeTemplateFields: { membership_status: { thing2: 'amount' } } as unknown as SaveInput['subscribeTemplateFields'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'subscribeTemplateFields' } } });
    expect(await env.store.snapshot(['settings', 'audit'])).toEqual(before);
    // Back to the demo union's fields for the tests after this one.
    await env.ok(ADMIN, 'settings.save', saveInput(version, { subscribeTemplateFields: DEMO_SETTINGS.subscribeTemplateFields }));
  });

  it('a save from a stale version is refused with CONFLICT and stores nothing', async () => {
    const { version } = await env.ok(ADMIN, 'settings.get', {});
    // Two administrators opened the page at the same version; the first saves.
    await env.ok(ADMIN, 'settings.save', saveInput(version));
    const before = await env.store.snapshot(['settings', 'audit']);
    const late = await env.call(
      'demo-admin',
      'settings.save',
      saveInput(version, { areas: { ...DEMO_SETTINGS.areas, card: false } }),
    );
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('其他管理员修改') } });
    expect(await env.store.snapshot(['settings', 'audit'])).toEqual(before);
    expect(await stored()).toMatchObject({ version: version + 1, areas: { card: true } });
  });

  it('of two saves from the same version at once, exactly one is stored', async () => {
    const { version } = await env.ok(ADMIN, 'settings.get', {});
    const a = saveInput(version, { union: { ...DEMO_SETTINGS.union, name: '甲版本工会' } as SaveInput['union'] });
    const b = saveInput(version, { union: { ...DEMO_SETTINGS.union, name: '乙版本工会' } as SaveInput['union'] });
    const results = await Promise.all([env.call(ADMIN, 'settings.save', a), env.call(ADMIN, 'settings.save', b)]);
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toEqual([expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) })]);
    const winnerName = (won[0] as { data: { union: { name: string } } }).data.union.name;
    expect(await stored()).toMatchObject({ version: version + 1, union: { name: winnerName } });
  });

  it('refuses staff and members, and bad input, storing nothing', async () => {
    const { version } = await env.ok(ADMIN, 'settings.get', {});
    const before = await env.store.snapshot(['settings', 'audit']);
    for (const who of [STAFF, MEMBER]) {
      expect(await env.call(who, 'settings.save', saveInput(version))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const badHotline = await env.call(
      ADMIN,
      'settings.save',
      saveInput(version, {
        union: { ...DEMO_SETTINGS.union, hotline: '请拨打' } as SaveInput['union'],
      }),
    );
    expect(badHotline).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'union' } } });
    expect((badHotline as { error: { message: string } }).error.message).toContain('服务热线');
    const unknownArea = await env.call(ADMIN, 'settings.save', {
      ...saveInput(version),
      areas: { ...DEMO_SETTINGS.areas, lottery: true },
    });
    expect(unknownArea).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await env.store.snapshot(['settings', 'audit'])).toEqual(before);
  });

  it('an area switched off refuses its actions and stores nothing; switched on again it works', async () => {
    // A bookable slot, found while legal aid is on.
    const slots = await env.ok(MEMBER, 'legalAid.slots', { stationId: 'st-cz-wujin' });
    const slot = slots.items.find((s) => s.bookable);
    expect(slot).toBeDefined();
    const book = {
      slotId: slot!._id,
      type: 'wages' as const,
      way: 'in_person' as const,
      caseText: '单位拖欠三个月工资，想咨询如何维权。',
      evidence: [] as string[],
    };

    const { version } = await env.ok(ADMIN, 'settings.get', {});
    await env.ok(ADMIN, 'settings.save', saveInput(version, { areas: { ...DEMO_SETTINGS.areas, legalAid: false } }));
    expect((await env.ok(MEMBER, 'settings.get', {})).areas.legalAid).toBe(false);

    const watched = ['legal_bookings', 'legal_slots', 'legal_allowances', 'legal_stations', 'timeline'];
    const before = await env.store.snapshot(watched);
    const refused = await env.call(MEMBER, 'legalAid.book', book);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'AREA_OFF', message: '法律援助服务暂未开通，如有需要请联系所属工会', details: { area: 'legalAid' } },
    });
    // Every action of the area, members' and staff's alike (the administrator too).
    expect(await env.call(MEMBER, 'legalAid.stations', {})).toMatchObject({ ok: false, error: { code: 'AREA_OFF' } });
    expect(
      await env.call(ADMIN, 'legalAid.saveStation', {
        name: '关闭期间的援助站',
        address: '常州市天宁区某路1号',
        location: { latitude: 31.78, longitude: 119.98 },
        hours: '周一至周五',
        services: ['consult'],
        phone: '0519-8888 2351',
        orgId: 'org-cz-tianning',
      }),
    ).toMatchObject({ ok: false, error: { code: 'AREA_OFF' } });
    expect(await env.store.snapshot(watched)).toEqual(before);
    // The refusal is made at dispatch from this instance's copy of the settings: no database request at all.
    const counted = await callApiCounted(env.cloud.baseUrl, MEMBER, 'legalAid.stations', {});
    expect(counted.envelope).toMatchObject({ ok: false, error: { code: 'AREA_OFF' } });
    expect(counted.dbRequests).toBe(0);
    // An area that is on costs nothing extra while the copy is warm (card.benefits makes no request of its own).
    expect((await callApiCounted(env.cloud.baseUrl, MEMBER, 'card.benefits', {})).dbRequests).toBe(0);
    // Other areas, the session and the settings themselves stay on.
    expect(await env.call(MEMBER, 'card.benefits', {})).toMatchObject({ ok: true });
    // The card's list of benefits offers only what is on: no 法律援助 while it is off.
    const offered = (await env.ok(MEMBER, 'card.benefits', {})).items.map((b) => b.title);
    expect(offered).toContain('普惠商户优惠');
    expect(offered).not.toContain('法律援助');
    expect((await env.ok(MEMBER, 'card.get', {})).benefits.map((b) => b.title)).toEqual(offered);
    expect(await env.call(MEMBER, 'session.get', {})).toMatchObject({ ok: true });

    const now = await env.ok(ADMIN, 'settings.get', {});
    await env.ok(ADMIN, 'settings.save', saveInput(now.version, { areas: { ...DEMO_SETTINGS.areas, legalAid: true } }));
    const booked = await env.ok(MEMBER, 'legalAid.book', book);
    expect((await env.ok(MEMBER, 'card.benefits', {})).items.map((b) => b.title)).toContain('法律援助');
    expect(booked).toMatchObject({ slotId: slot!._id, status: 'confirmed' });
    expect(await env.store.count('legal_bookings', { slotId: slot!._id, status: 'confirmed' })).toBeGreaterThanOrEqual(1);
  });
});
