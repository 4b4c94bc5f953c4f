/** Pure parts of the merchants area: opening hours, period keys, the paging cursor, windowed card tokens. */
import { signCardTokens, verifyCardToken } from '../../../cloudfunctions/api/src/modules/card/cardToken';
import { BAND_M, decodeCursor, encodeCursor, nextDistanceCursor } from '../../../cloudfunctions/api/src/modules/merchants/geo';
import { isOpenAt, parseHours, weekMinute, weekRanges } from '../../../cloudfunctions/api/src/modules/merchants/hours';
import { periodKey } from '../../../cloudfunctions/api/src/modules/merchants/periods';

/** A moment given in China time. */
const cn = (text: string) => new Date(`${text}+08:00`);

describe('opening hours', () => {
  it('reads the ways people write them', () => {
    expect(parseHours('09:00-21:00')).toMatchObject({ ok: true, text: '每天 09:00-21:00' });
    expect(parseHours('周一至周五 10:00-22:00；周六、周日 09:00-23:00')).toMatchObject({
      ok: true,
      text: '周一至周五 10:00-22:00；周六、周日 09:00-23:00',
    });
    expect(parseHours('24小时')).toMatchObject({ ok: true, text: '24小时' });
    expect(parseHours('17:00-次日02:00')).toMatchObject({ ok: true, text: '每天 17:00-次日02:00' });
    expect(parseHours('工作日 08:30-17:30')).toMatchObject({ ok: true, text: '周一至周五 08:30-17:30' });
    for (const bad of ['随时营业', '25:00-26:00', '周八 09:00-10:00', '']) expect(parseHours(bad).ok).toBe(false);
  });

  it('knows whether a place is open now, past midnight and across Sunday night too', () => {
    const weekdays = parseHours('周一至周五 09:00-18:00');
    const late = parseHours('17:00-次日02:00');
    if (!weekdays.ok || !late.ok) throw new Error('unreadable');
    const w = weekRanges(weekdays.rules);
    expect(isOpenAt(w, cn('2026-11-30T09:00:00'))).toBe(true); // Monday
    expect(isOpenAt(w, cn('2026-11-30T18:00:00'))).toBe(false);
    expect(isOpenAt(w, cn('2026-12-05T10:00:00'))).toBe(false); // Saturday
    const l = weekRanges(late.rules);
    expect(isOpenAt(l, cn('2026-12-01T01:30:00'))).toBe(true); // Tuesday night after Monday's evening
    expect(isOpenAt(l, cn('2026-11-30T01:30:00'))).toBe(true); // Monday 01:30, after Sunday's evening
    expect(isOpenAt(l, cn('2026-11-30T03:00:00'))).toBe(false);
    expect(weekMinute(cn('2026-11-30T00:00:00'))).toBe(0);
    expect(weekMinute(cn('2026-12-06T23:59:00'))).toBe(7 * 1440 - 1);
  });
});

it('keys limit periods in China time', () => {
  const lateSunday = new Date('2026-12-06T17:00:00Z'); // Monday 01:00 in China
  expect(periodKey('day', lateSunday)).toBe('D2026-12-07');
  expect(periodKey('week', lateSunday)).toBe('W2026-12-07');
  expect(periodKey('week', cn('2026-12-06T23:00:00'))).toBe('W2026-11-30');
  expect(periodKey('month', cn('2026-12-31T23:59:00'))).toBe('M2026-12');
});

describe('the distance cursor', () => {
  it('carries every id shown within the band below the last distance, also from the page before', () => {
    const first = nextDistanceCursor(
      [
        { _id: 'a', d: 10 },
        { _id: 'b', d: 100 },
        { _id: 'c', d: 100.2 },
      ],
      null,
    );
    expect(first).toEqual({ s: 'd', d: 100.2, ids: ['b', 'c'] });
    const second = nextDistanceCursor(
      [
        { _id: 'd', d: 100.2 },
        { _id: 'e', d: 100.3 },
      ],
      first,
    );
    if (second.s !== 'd') throw new Error('a distance cursor');
    expect(second.ids.sort()).toEqual(['b', 'c', 'd', 'e']);
    const third = nextDistanceCursor([{ _id: 'f', d: 100.2 + 2 * BAND_M }], second);
    expect(third).toEqual({ s: 'd', d: 100.2 + 2 * BAND_M, ids: ['f'] });
  });

  it('round-trips, and refuses anything else', () => {
    const c = { s: 'd' as const, d: 12.5, ids: ['x'] };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    for (const bad of [
      'x',
      Buffer.from('{"s":"d","d":-1,"ids":[]}').toString('base64url'),
      Buffer.from('{"s":"n","t":1,"id":{"$gt":""}}').toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad)).toThrow('分页参数');
    }
  });
});

describe('card tokens signed ahead', () => {
  const key = 'k';
  const now = new Date('2026-12-01T10:00:30Z');

  it('gives one token per minute, each valid only in its own minute', () => {
    const tokens = signCardTokens('CZ2024000001', key, now);
    expect(tokens).toHaveLength(6);
    expect(tokens[0].notBefore?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(tokens[5].expiresAt.toISOString()).toBe('2026-12-01T10:06:00.000Z');
    expect(verifyCardToken(tokens[0].token, key, now)).toMatchObject({ ok: true });
    expect(verifyCardToken(tokens[1].token, key, now)).toEqual({ ok: false, reason: 'early' });
    expect(verifyCardToken(tokens[1].token, key, new Date('2026-12-01T10:01:00Z'))).toMatchObject({ ok: true });
    expect(verifyCardToken(tokens[1].token, key, new Date('2026-12-01T10:02:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
      cardNo: 'CZ2024000001',
      nonce: expect.any(String),
    });
    expect(verifyCardToken(tokens[5].token, key, new Date('2026-12-01T10:05:59Z'))).toMatchObject({ ok: true });
  });

  it('refuses tokens signed further ahead than it signs', () => {
    const far = signCardTokens('CZ2024000001', key, new Date(now.getTime() + 10 * 60_000));
    expect(verifyCardToken(far[0].token, key, now)).toEqual({ ok: false, reason: 'invalid' });
  });
});
