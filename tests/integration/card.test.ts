/** Electronic card: token issue and merchant verification (forged, expired, inactive). */
import { signCardToken } from '../../cloudfunctions/api/src/modules/card/cardToken';
import { useCloud } from '../support/scenario';
import { ROOT } from '../support/localCloud';

const env = useCloud();

// The local function env (config/local-functions.env.json) — lets the test make a once-valid, now-expired token.
const LOCAL_KEY = (require(`${ROOT}/config/local-functions.env.json`) as { api: { CARD_TOKEN_KEY: string } }).api.CARD_TOKEN_KEY;

it('shows the card to its member', async () => {
  const card = await env.ok('demo-member-01', 'card.get', {});
  expect(card).toMatchObject({
    cardNo: 'CZ2024000001',
    name: '陈晓燕',
    orgName: '常州湖塘精密机械有限公司工会',
    status: 'active',
  });
  expect(card.memberSince).toBe('2024-03-15T02:00:00.000Z');
});

it('issues a short-lived token that a merchant can verify (masked name only)', async () => {
  const { token, expiresAt } = await env.ok('demo-member-01', 'card.token', {});
  const ttl = new Date(expiresAt).getTime() - Date.now();
  expect(ttl).toBeGreaterThan(0);
  expect(ttl).toBeLessThanOrEqual(60_000);
  const verified = await env.ok('demo-merchant-01', 'card.verify', { token });
  expect(verified).toEqual({
    cardNo: 'CZ2024000001',
    nameMasked: '陈*燕',
    orgName: '常州湖塘精密机械有限公司工会',
    status: 'active',
  });
  expect(await env.store.count('audit', { action: 'card.verify', actor: 'demo-merchant-01' })).toBe(1);
});

it('rejects a forged or garbled token', async () => {
  const { token } = await env.ok('demo-member-01', 'card.token', {});
  const flipped = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
  for (const bad of [
    flipped,
    `${token.split('.')[0]}.${'A'.repeat(43)}`,
    'garbage',
    signCardToken('CZ2024000001', 'wrong-key').token,
  ]) {
    const r = await env.call('demo-merchant-01', 'card.verify', { token: bad });
    expect(r).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID', message: '会员码无效，请让会员刷新后重新出示' } });
  }
});

it('rejects a replay of a once-valid token after it expired', async () => {
  const issuedTwoMinutesAgo = signCardToken('CZ2024000001', LOCAL_KEY, new Date(Date.now() - 120_000)).token;
  const r = await env.call('demo-merchant-01', 'card.verify', { token: issuedTwoMinutesAgo });
  expect(r).toMatchObject({ ok: false, error: { code: 'TOKEN_EXPIRED', message: '会员码已过期，请让会员刷新后重新出示' } });
});

it('rejects a valid token of a suspended member', async () => {
  const { token } = await env.ok('demo-member-01', 'card.token', {});
  await env.store.db
    .collection('members')
    .doc('demo-member-01')
    .update({ data: { status: 'suspended' } });
  try {
    const r = await env.call('demo-staff-city', 'card.verify', { token });
    expect(r).toMatchObject({ ok: false, error: { code: 'MEMBER_INACTIVE', message: '该会员的会籍当前不可用' } });
    const again = await env.call('demo-member-01', 'card.token', {});
    expect(again).toMatchObject({ ok: false, error: { code: 'MEMBER_INACTIVE' } });
  } finally {
    await env.store.db
      .collection('members')
      .doc('demo-member-01')
      .update({ data: { status: 'active' } });
  }
});

it('refuses a card token to a non-member', async () => {
  const r = await env.call('demo-applicant-01', 'card.token', {});
  expect(r).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
});
