/**
 * Subscribe messages as WeChat allows them: every request the app makes asks for at most three templates (WeChat
 * refuses more with errCode 20003), and what stands in for wx.requestSubscribeMessage off the phone refuses the
 * same way, so an oversized request fails in tests and in the H5 build, not only on a phone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MODULES } from '../../../cloudfunctions/api/src/actions';
import { MAX_TEMPLATES_PER_REQUEST, SUBSCRIBE_TEMPLATE_IDS, subscribeRequests, subscribeTemplates } from '../../../src/features';
import { requestSubscribeMessageShim, WECHAT_MAX_TEMPLATES } from '../../../src/utils/subscribeShim';
import { askToSubscribe, requestSubscribe } from '../../../src/utils/subscribe';

const consents: unknown[] = [];
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));
jest.mock('../../../src/api/client', () => ({
  call: async (action: string, input: unknown) => {
    consents.push({ action, input });
    return {};
  },
}));

const SRC = path.resolve(__dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('the subscribe requests', () => {
  const requests = subscribeRequests();

  it('ask for one to three templates each, with ids from the one table', () => {
    expect(MAX_TEMPLATES_PER_REQUEST).toBe(WECHAT_MAX_TEMPLATES);
    expect(Object.keys(requests).sort()).toEqual(
      [
        'me',
        'membershipApply',
        'transferRequest',
        'legalAidBook',
        'recuperationSignUp',
        'competitionRegister',
        'matchmakingSignUp',
        'staffReview',
        'hardshipApply',
        'studentAidApply',
        'mutualAidClaim',
        'voiceReport',
        'counsellingBook',
        'legalQaAsk',
        'legalQaWageReport',
        'legalQaAnswer',
      ].sort(),
    );
    for (const [moment, templates] of Object.entries(requests)) {
      expect({ moment, fits: templates.length > 0 && templates.length <= 3 }).toEqual({ moment, fits: true });
      for (const t of templates) expect(t.id).toBe(SUBSCRIBE_TEMPLATE_IDS[t.key]);
    }
  });

  it('cover every template the function sends with', () => {
    const sent = new Set(
      MODULES.flatMap((m) => Object.values(('timeline' in m ? m.timeline : {}) as Record<string, { template: string }>)).map(
        (k) => k.template,
      ),
    );
    const asked = new Set(subscribeTemplates().map((t) => t.key));
    expect([...sent].sort()).toEqual([...asked].sort());
  });

  it('are the only ones: every place in the app that asks goes through utils/subscribe.ts with a known moment', () => {
    const moments: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const text = fs.readFileSync(file, 'utf8');
      const rel = path.relative(SRC, file);
      if (rel !== path.join('utils', 'subscribe.ts') && rel !== path.join('utils', 'subscribeShim.ts'))
        expect({ file: rel, asksWeChat: /requestSubscribeMessage\s*\(/.test(text) }).toEqual({ file: rel, asksWeChat: false });
      for (const m of text.matchAll(/askToSubscribe\('([^']+)'\)/g)) moments.push(m[1]);
    }
    for (const moment of moments) expect(requests).toHaveProperty(moment);
    // Every area moment is asked somewhere (the 我的 switch asks for `me` through requestSubscribe).
    expect(new Set(moments)).toEqual(new Set(Object.keys(requests).filter((m) => m !== 'me')));
  });
});

describe('the requestSubscribeMessage shim', () => {
  it('refuses four template ids as WeChat does', async () => {
    await expect(requestSubscribeMessageShim({ tmplIds: ['a', 'b', 'c', 'd'] })).rejects.toMatchObject({
      errCode: 20003,
      errMsg: 'requestSubscribeMessage:fail Templates count out of max bounds',
    });
    await expect(requestSubscribeMessageShim({ tmplIds: [] })).rejects.toMatchObject({ errCode: 10001 });
  });

  it('answers three with one answer per template id', async () => {
    expect(await requestSubscribeMessageShim({ tmplIds: ['a', 'b', 'c'] })).toEqual({
      errMsg: 'requestSubscribeMessage:ok',
      a: 'accept',
      b: 'accept',
      c: 'accept',
    });
    expect(await requestSubscribeMessageShim({ tmplIds: ['a'] }, 'reject')).toMatchObject({ a: 'reject' });
  });

  it('makes the app’s own request fail when it asks for more than three, and records nothing', async () => {
    const four = subscribeTemplates().slice(0, 4);
    expect(four).toHaveLength(4);
    await expect(requestSubscribe(four)).rejects.toMatchObject({ errCode: 20003 });
    expect(await requestSubscribe(four.slice(0, 3))).toEqual(Object.fromEntries(four.slice(0, 3).map((t) => [t.key, true])));
  });

  it('records the consents of a moment as it is asked', async () => {
    consents.length = 0;
    await askToSubscribe('legalAidBook');
    expect(consents).toEqual([
      { action: 'notify.consent', input: { templateKey: 'legal_aid_status', accepted: true } },
      { action: 'notify.consent', input: { templateKey: 'legal_aid_reminder', accepted: true } },
    ]);
  });
});
