import { wholeFen } from '../../../cloudfunctions/api/src/lib/schemaParts';
import { hardshipHelpInput } from '../../../cloudfunctions/api/src/modules/hardship/schemas';

describe('amounts in 元 with whole fen', () => {
  it('takes amounts whose × 100 is off in floating point, and refuses a third decimal', () => {
    for (const ok of [18650.4, 0.29, 1.1, 3258.3, 500, 0.01]) expect({ ok, whole: wholeFen(ok) }).toEqual({ ok, whole: true });
    for (const bad of [1.234, 0.001, 99.999]) expect({ bad, whole: wholeFen(bad) }).toEqual({ bad, whole: false });
  });

  it('is what the areas’ schemas check (困难帮扶 help money of 18650.4 元 is taken)', () => {
    const base = { fileId: 'F1', kind: 'money', requestId: 'req-12345678', date: '2026-12-01', note: '资金救助' } as const;
    expect(hardshipHelpInput.safeParse({ ...base, amount: 18650.4 })).toMatchObject({ success: true });
    const third = hardshipHelpInput.safeParse({ ...base, amount: 18650.401 });
    expect(third.success ? [] : third.error.issues.map((i) => i.path.join('.'))).toEqual(['amount']);
  });
});
