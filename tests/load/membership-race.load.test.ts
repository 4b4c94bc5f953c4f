/**
 * The storm that used to break "one membership per ID": an applicant re-sends a correction while in-scope
 * staff reject it (0–9 ms apart); then a second person applies with the same ID number and staff approve
 * whatever is pending. 40 rounds: never two members, two open applications or two claims for one number,
 * and no INTERNAL answer.
 */
import { applyInput } from '../support/api';
import { useCloud } from '../support/scenario';

const env = useCloud();

interface Stored {
  _id: string;
  openid: string;
  idHash: string;
  status: string;
}

const ROUNDS = 40;

it(`holds one membership per ID number through ${ROUNDS} rounds of correction racing rejection`, async () => {
  const answers: string[] = [];
  let doubles = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const first = `storm-${round}-a`;
    const second = `storm-${round}-b`;
    const input = applyInput({ name: '风暴测试' });
    const view = await env.ok(first, 'membership.apply', input);
    const delay = round % 10;
    const [correction, rejection] = await Promise.all([
      env.call(first, 'membership.apply', { ...input, workUnit: `更正后的单位${round}` }),
      new Promise((r) => setTimeout(r, delay)).then(() =>
        env.call('demo-staff-city', 'membership.reject', { applicationId: view._id, reason: '材料不全' }),
      ),
    ]);
    const other = await env.call(second, 'membership.apply', { ...input, name: '冒用者' });
    for (const r of [correction, rejection, other]) answers.push(r.ok ? 'ok' : r.error.code);
    // Staff approve everything still pending for this number.
    const pending = await env.store.all<Stored>('applications', {
      openid: env.store.db.command.in([first, second]),
      status: 'pending',
    });
    for (const app of pending) await env.call('demo-staff-city', 'membership.approve', { applicationId: app._id });

    const [app] = await env.store.all<Stored>('applications', { openid: first });
    const members = await env.store.all<Stored>('members', { idHash: app.idHash });
    const open = await env.store.all<Stored>('applications', {
      idHash: app.idHash,
      status: env.store.db.command.in(['pending', 'approved']),
    });
    const claims = await env.store.all<Stored>('id_registry', { _id: app.idHash });
    if (members.length > 1 || open.length > 1) doubles += 1;
    expect(claims.length).toBeLessThanOrEqual(1);
    // The claim, if any, belongs to the one open application's owner.
    if (open.length === 1) expect(claims[0]?.openid).toBe(open[0].openid);
  }
  expect(doubles).toBe(0);
  expect(answers).not.toContain('INTERNAL');
}, 180_000);
