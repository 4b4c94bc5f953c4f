import { ApiError, errorMessage, NETWORK_MESSAGE, unwrapEnvelope, withTimeout } from '../../../src/api/envelope';

describe('unwrapEnvelope', () => {
  it('returns data of an ok envelope', () => {
    expect(unwrapEnvelope<{ n: number }>({ ok: true, data: { n: 3 } })).toEqual({ n: 3 });
  });

  it('returns null data as is (e.g. membership.mine with no application)', () => {
    expect(unwrapEnvelope({ ok: true, data: null })).toBeNull();
  });

  it('throws ApiError with the server code and Chinese message', () => {
    try {
      unwrapEnvelope({ ok: false, error: { code: 'ALREADY_MEMBER', message: '您已是工会会员' } });
      throw new Error('expected a throw');
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).code).toBe('ALREADY_MEMBER');
      expect((e as ApiError).message).toBe('您已是工会会员');
    }
  });

  it('treats anything that is not an envelope as a network failure', () => {
    for (const raw of [undefined, null, 'oops', { result: 1 }]) {
      expect(() => unwrapEnvelope(raw)).toThrow(NETWORK_MESSAGE);
    }
  });

  it('falls back to INTERNAL when the error has no code', () => {
    expect(() => unwrapEnvelope({ ok: false, error: {} })).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });
});

describe('withTimeout', () => {
  it('rejects a hung call with a NETWORK error and runs onTimeout', async () => {
    const onTimeout = jest.fn();
    const hung = new Promise<never>(() => {});
    await expect(withTimeout(hung, 20, onTimeout)).rejects.toMatchObject({ code: 'NETWORK', message: NETWORK_MESSAGE });
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });

  it('passes a fast answer through', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000)).resolves.toBe(7);
  });
});

describe('errorMessage', () => {
  it('shows the server message for ApiError and the network message otherwise', () => {
    expect(errorMessage(new ApiError('FORBIDDEN', '无权操作'))).toBe('无权操作');
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe(NETWORK_MESSAGE);
  });
});
