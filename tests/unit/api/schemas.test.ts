import { actionTable, MODULES } from '../../../cloudfunctions/api/src/actions';
import { buildHouse } from '../../../cloudfunctions/api/src/house';
import { AppError } from '../../../cloudfunctions/api/src/errors';
import { makeIdNumber } from '../../../cloudfunctions/api/src/rules/idNumber';
import { PRIVACY_POLICY_VERSION } from '../../../cloudfunctions/api/src/rules/membership';
import { validateInput } from '../../../cloudfunctions/api/src/lib/validateInput';
import { membershipApplyInput } from '../../../cloudfunctions/api/src/modules/membership/schemas';
import { EXAMPLE_INPUTS } from '../../../cloudfunctions/api/fixtures/examples';

/** Rule kinds and member tags in schemas are what the areas declare: validation sees the house, as in the router. */
const HOUSE = buildHouse(MODULES);

function rejection(schema: Parameters<typeof validateInput>[0], input: unknown): AppError {
  try {
    validateInput(schema, input, undefined, HOUSE);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('INVALID_INPUT');
    return e as AppError;
  }
  throw new Error(`accepted: ${JSON.stringify(input)}`);
}

const validApply = {
  name: '张伟',
  idNumber: makeIdNumber('320412', '19900307', '123'),
  mobile: '13812345678',
  workUnit: '常州某精密机械有限公司',
  orgId: 'org-cz-wujin-g1',
  channel: 'employer',
  privacyConsent: PRIVACY_POLICY_VERSION,
};

describe('membership.apply schema', () => {
  it('accepts a valid application', () => {
    expect(validateInput(membershipApplyInput, validApply)).toMatchObject({ name: '张伟', channel: 'employer' });
    expect(validateInput(membershipApplyInput, { ...validApply, name: '阿依古丽·买买提' }).name).toBe('阿依古丽·买买提');
  });

  it('names the missing field in Chinese', () => {
    const { name: _omit, ...rest } = validApply;
    expect(rejection(membershipApplyInput, rest).message).toContain('姓名');
    expect(rejection(membershipApplyInput, rest).message).toContain('不能为空');
  });

  it.each([
    ['name', 123, '姓名'],
    ['name', '张', '姓名'],
    ['name', '张'.repeat(31), '姓名'],
    ['name', '张伟1', '姓名'],
    ['idNumber', '320412199003071230', '身份证号'],
    ['idNumber', '1'.repeat(19), '身份证号'],
    ['mobile', '12812345678', '手机号'],
    ['mobile', 13812345678, '手机号'],
    ['workUnit', 'x'.repeat(61), '工作单位'],
    ['orgId', 'a'.repeat(65), '所属工会'],
    ['orgId', 'org cz', '所属工会'],
    ['channel', 'other', '入会渠道'],
    ['occupation', 'pilot', '职业'],
  ])('rejects %s = %j with a message naming %s', (field, value, label) => {
    const error = rejection(membershipApplyInput, { ...validApply, [field]: value });
    expect(error.message).toContain(label);
    expect(error.details).toEqual({ field });
  });

  it('rejects the wrong check digit with a checksum message', () => {
    const good = validApply.idNumber;
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(rejection(membershipApplyInput, { ...validApply, idNumber: bad }).message).toContain('校验位');
  });

  it('rejects extra fields', () => {
    expect(rejection(membershipApplyInput, { ...validApply, status: 'approved' }).message).toContain('不允许的字段');
    expect(rejection(membershipApplyInput, { ...validApply, openid: 'someone-else' }).message).toContain('openid');
  });

  it('rejects operator-like objects anywhere', () => {
    expect(rejection(membershipApplyInput, { ...validApply, orgId: { $gt: '' } }).message).toContain('$gt');
    expect(rejection(membershipApplyInput, { ...validApply, $where: '1' }).message).toContain('$where');
    expect(rejection(membershipApplyInput, { ...validApply, name: [{ nested: { $ne: 1 } }] }).message).toContain('$ne');
  });

  it('rejects non-objects and oversized payloads', () => {
    for (const bad of ['x', 1, true, [validApply]]) rejection(membershipApplyInput, bad);
    rejection(membershipApplyInput, { ...validApply, blob: 'x'.repeat(20_000) });
  });
});

describe('every action schema', () => {
  const entries = Object.entries(actionTable) as [string, { input: Parameters<typeof validateInput>[0] }][];

  it.each(entries.map(([name]) => name))('%s rejects extra fields, operators and wrong types', (name) => {
    const { input } = actionTable[name as keyof typeof actionTable];
    // The action's example input (fixtures/<area>/examples.ts) is valid, so only the one added thing is refused.
    const valid = EXAMPLE_INPUTS[name as keyof typeof EXAMPLE_INPUTS];
    expect(() => validateInput(input, valid, name, HOUSE)).not.toThrow();
    expect(rejection(input, { ...valid, unexpected: 1 }).details).toEqual({ field: 'unexpected' });
    expect(rejection(input, { ...valid, $where: 'sleep(1000)' }).details).toEqual({ field: '$where' });
    rejection(input, 'string');
    rejection(input, [1, 2]);
    rejection(input, 42);
  });

  it('empty-input actions accept {} and a missing input', () => {
    for (const name of ['session.get', 'org.tree', 'membership.mine', 'card.get', 'card.token', 'roles.list'] as const) {
      expect(validateInput(actionTable[name].input, {})).toEqual({});
      expect(validateInput(actionTable[name].input, undefined)).toEqual({});
    }
  });

  it('membership.reject requires a reason of at most 200 characters', () => {
    const schema = actionTable['membership.reject'].input;
    expect(rejection(schema, { applicationId: 'A1' }).message).toContain('原因');
    expect(rejection(schema, { applicationId: 'A1', reason: '' }).message).toContain('原因');
    expect(rejection(schema, { applicationId: 'A1', reason: '字'.repeat(201) }).message).toContain('200');
    expect(validateInput(schema, { applicationId: 'A1', reason: '材料不全' })).toEqual({
      applicationId: 'A1',
      reason: '材料不全',
    });
  });

  it('card.verify limits the token', () => {
    const schema = actionTable['card.verify'].input;
    rejection(schema, { token: 'x'.repeat(257) });
    rejection(schema, { token: '<script>' });
    rejection(schema, { token: { $gt: '' } });
  });

  it('roles.grant only grants known roles', () => {
    const schema = actionTable['roles.grant'].input;
    expect(rejection(schema, { openid: 'u1', role: 'superuser' }).message).toContain('角色');
    expect(validateInput(schema, { openid: 'u1', role: 'staff', scopeId: 'org-cz' })).toEqual({
      openid: 'u1',
      role: 'staff',
      scopeId: 'org-cz',
    });
  });

  it('pages are positive integers', () => {
    const schema = actionTable['membership.list'].input;
    rejection(schema, { page: 0 });
    rejection(schema, { page: 1.5 });
    rejection(schema, { page: '1' });
  });
});
