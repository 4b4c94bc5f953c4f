/**
 * 组织管理's close and merge: a large union takes several calls (each answer counts only its own moves), and the
 * staffer is told the totals of all of them.
 */
import { movedText, untilClosed } from '../../../src/packages/orgs/manage/kinds';

it('adds up the members and records moved over every call of a close', async () => {
  const answers = [
    { done: false, movedMembers: 100, movedRecords: 0 },
    { done: false, movedMembers: 20, movedRecords: 100 },
    { done: true, movedMembers: 0, movedRecords: 3 },
  ];
  let calls = 0;
  const r = await untilClosed(async () => answers[calls++]);
  expect(calls).toBe(3);
  expect(r.done).toBe(true);
  expect(r.moved).toEqual({ members: 120, records: 103 });
  expect(movedText(r.moved)).toBe('转会 120 人，其他业务待办 103 件随转');
});

it('names other records only when some moved', () => {
  expect(movedText({ members: 1, records: 0 })).toBe('转会 1 人');
});
