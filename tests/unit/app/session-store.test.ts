/**
 * The session store keeps a failed load's code as well as its message, so that a screen showing the session
 * (首页, 我的, 服务, 入会) offers 重试 only where trying again can help: a refusal (UNAUTHENTICATED) says what to
 * do instead, a call that never answered (NETWORK) offers 重试. The transport is stubbed; the store is real.
 */
jest.mock('@tarojs/taro', () => ({ useDidShow: () => undefined, useDidHide: () => undefined }));
jest.mock('../../../src/api/transport', () => ({ transport: jest.fn() }));

import { transport } from '../../../src/api/transport';
import { errorAdvice } from '../../../src/api/errorAdvice';
import { sessionLoad, useSessionStore } from '../../../src/stores/session';

const answer = transport as jest.MockedFunction<typeof transport>;

beforeEach(() => useSessionStore.setState({ session: null, loading: false, error: null, errorCode: null }));

test('a refused session load keeps its code: no 重试, what to do instead', async () => {
  answer.mockResolvedValueOnce({ ok: false, error: { code: 'UNAUTHENTICATED', message: '无法确认您的身份' } });
  await useSessionStore.getState().load();
  const { error, errorCode, loading } = useSessionStore.getState();
  expect({ error, errorCode, loading }).toEqual({ error: '无法确认您的身份', errorCode: 'UNAUTHENTICATED', loading: false });
  expect(errorAdvice(errorCode)).toEqual({ retry: false, hint: '请关闭后在微信中重新打开小程序。' });
});

test('a load that never answered is NETWORK (重试 offered); the next load clears the code', async () => {
  answer.mockRejectedValueOnce(new Error('request:fail timeout'));
  await useSessionStore.getState().load();
  expect(useSessionStore.getState().errorCode).toBe('NETWORK');
  expect(errorAdvice(useSessionStore.getState().errorCode).retry).toBe(true);

  const session = { openid: 'o-1', roles: [], isAdmin: false };
  answer.mockResolvedValueOnce({ ok: true, data: session });
  await useSessionStore.getState().load();
  const after = useSessionStore.getState();
  expect({ error: after.error, errorCode: after.errorCode, session: after.session }).toEqual({
    error: null,
    errorCode: null,
    session,
  });
});

test("the session as a screen's load (sessionLoad): failed only while there is no session", async () => {
  answer.mockResolvedValueOnce({ ok: false, error: { code: 'UNAUTHENTICATED', message: '无法确认您的身份' } });
  await useSessionStore.getState().load();
  expect(sessionLoad(useSessionStore.getState())).toMatchObject({ loading: false, errorCode: 'UNAUTHENTICATED' });
  useSessionStore.setState({ session: { openid: 'o-1', roles: [], isAdmin: false } as never });
  expect(sessionLoad(useSessionStore.getState())).toMatchObject({ loading: false, error: null, errorCode: null });
});
