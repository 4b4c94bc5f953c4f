/**
 * The one interleaving an integration test cannot force: the member's correction reads a pending
 * application, a reviewer approves it, then the correction's guarded write fails. The approved
 * application's ID claim must survive and the correction's new claim must be released.
 */
import type { ActionContext } from '../../../cloudfunctions/api/src/action';
import * as db from '../../../cloudfunctions/api/src/db';
import { makeIdNumber } from '../../../cloudfunctions/api/src/lib/idNumber';
import { hashIdNumber } from '../../../cloudfunctions/api/src/lib/pii';
import * as claims from '../../../cloudfunctions/api/src/modules/membership/claimIdNumber';
import { submitApplication } from '../../../cloudfunctions/api/src/modules/membership/submitApplication';

jest.mock('../../../cloudfunctions/api/src/db', () => ({
  COLLECTIONS: jest.requireActual('../../../cloudfunctions/api/src/collections').COLLECTIONS,
  command: () => ({ in: (v: unknown) => ({ $in: v }), remove: () => ({ $remove: true }) }),
  findById: jest.fn(),
  insertUnique: jest.fn(),
  updateWhere: jest.fn(),
}));
jest.mock('../../../cloudfunctions/api/src/modules/membership/claimIdNumber', () => ({
  claimIdNumber: jest.fn(async () => undefined),
  releaseIdNumber: jest.fn(async () => undefined),
}));
jest.mock('../../../cloudfunctions/api/src/modules/org/checkJoinableOrg', () => ({
  checkJoinableOrg: async () => ({ _id: 'org-1', name: '某工会', path: ['org-1'] }),
}));
jest.mock('../../../cloudfunctions/api/src/modules/session/ensureAccount', () => ({ ensureAccount: async () => undefined }));
jest.mock('../../../cloudfunctions/api/src/modules/card/loadMember', () => ({ findMemberByOpenid: async () => null }));
jest.mock('../../../cloudfunctions/api/src/modules/timeline/addTimelineEntry', () => ({
  addTimelineEntry: jest.fn(async () => undefined),
}));

process.env.ID_HASH_KEY = 'unit-test-hash-key';
process.env.PII_ENC_KEY = 'unit-test-enc-key';

const ctx: ActionContext = { openid: 'u1', grants: [], isAdmin: false, now: new Date('2025-03-01T08:00:00Z') };

it('keeps the old claim and releases the new one when an approval lands between read and write', async () => {
  const stored = { _id: 'A1', openid: 'u1', idHash: 'old-hash', status: 'pending', submittedAt: new Date(0) };
  const findById = db.findById as jest.Mock;
  findById
    .mockResolvedValueOnce(stored) // the correction reads a pending application …
    .mockResolvedValue({ ...stored, status: 'approved' }); // … which a reviewer approves before the write
  (db.updateWhere as jest.Mock).mockResolvedValue(0);

  const input = {
    name: '李明华',
    idNumber: makeIdNumber('320412', '19900307', '123'),
    mobile: '13812345678',
    workUnit: '常州湖塘精密机械有限公司',
    orgId: 'org-1',
    channel: 'employer' as const,
  };
  await expect(submitApplication(input, ctx)).rejects.toMatchObject({ code: 'APPLICATION_LOCKED' });

  const newHash = hashIdNumber(input.idNumber);
  expect(claims.claimIdNumber).toHaveBeenCalledWith(newHash, 'u1', expect.any(String), ctx.now);
  expect((claims.releaseIdNumber as jest.Mock).mock.calls).toEqual([[newHash, 'u1']]);
});
