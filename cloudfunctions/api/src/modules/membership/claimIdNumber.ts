import { COLLECTIONS, findById, insertUnique, removeWhere } from '../../db';
import { AppError } from '../../errors';
import type { IdRegistryRecord } from '../../records';

/**
 * Claims an ID number (by its keyed hash) for one account. The registry's _id is the hash, so the
 * database's unique _id decides between concurrent applicants; never count-then-insert.
 */
export async function claimIdNumber(idHash: string, openid: string, applicationId: string, at: Date): Promise<void> {
  const won = await insertUnique(COLLECTIONS.idRegistry, idHash, { openid, applicationId, status: 'applied', at });
  if (won) return;
  const owner = await findById<IdRegistryRecord>(COLLECTIONS.idRegistry, idHash);
  if (owner?.openid === openid) return; // the same person correcting their application
  if (owner?.status === 'member') {
    throw new AppError('ALREADY_MEMBER', '该身份证号已入会，不能重复入会。如非本人操作，请联系所在工会处理');
  }
  throw new AppError('ALREADY_MEMBER', '该身份证号已提交入会申请，正在审核中，不能重复申请。如非本人操作，请联系工会处理');
}

/** Frees a claim that only this account's (not yet approved) application holds. */
export async function releaseIdNumber(idHash: string, openid: string): Promise<void> {
  await removeWhere(COLLECTIONS.idRegistry, { _id: idHash, openid, status: 'applied' });
}
