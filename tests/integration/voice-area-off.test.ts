/**
 * 职工建言 switched off in 本工会设置: every one of its actions answers AREA_OFF and stores nothing; switched on
 * again it works. A file of its own (one warm instance, calls in sequence) so no other instance keeps an older
 * copy of the settings.
 */
import { DEMO_SETTINGS } from '../../cloudfunctions/api/fixtures/settings/demo';
import { givenMember, givenOrg, givenStaff, useCloud } from '../support/scenario';

const env = useCloud({ demo: false });

it('refuses every 职工建言 action while the area is off, and works again once it is on', async () => {
  const org = await givenOrg(env, { name: '测试机械厂工会' });
  const m = await givenMember(env, { orgId: org._id, name: '王建军' });
  const staff = await givenStaff(env, { orgId: org._id });
  const admin = await givenStaff(env, { role: 'admin' });
  const report = {
    description: '消防通道被成品堆放占用。',
    place: '三号车间',
    urgency: 'normal' as const,
    photos: [] as string[],
    anonymous: true,
    requestId: 'req-area-off-01',
  };
  const save = async (voice: boolean) => {
    const { version } = await env.ok(admin, 'settings.get', {});
    await env.ok(admin, 'settings.save', {
      version,
      union: DEMO_SETTINGS.union as never,
      areas: { ...DEMO_SETTINGS.areas, voice },
    });
  };

  await save(false);
  const before = await env.store.snapshot(['voice_reports', 'timeline']);
  expect(await env.call(m.openid, 'voice.reportHazard', report)).toMatchObject({
    ok: false,
    error: { code: 'AREA_OFF', message: '职工建言服务暂未开通，如有需要请联系所属工会', details: { area: 'voice' } },
  });
  expect(await env.call(staff, 'voice.queue', {})).toMatchObject({ ok: false, error: { code: 'AREA_OFF' } });
  expect(await env.call(admin, 'voice.tally', { month: '2026-12' })).toMatchObject({ ok: false, error: { code: 'AREA_OFF' } });
  expect(await env.store.snapshot(['voice_reports', 'timeline'])).toEqual(before);

  await save(true);
  expect(await env.ok(m.openid, 'voice.reportHazard', report)).toMatchObject({ status: 'submitted' });
  expect(await env.store.count('voice_reports', { openid: m.openid })).toBe(1);
});
