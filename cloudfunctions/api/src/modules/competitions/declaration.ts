/**
 * What a member declares about their trade (years in it, certificate level, a photo of the certificate),
 * checked against the event before anything is stored; their union's confirmation (单位推荐) is where the
 * declaration is vouched for.
 */
import { fail } from '../../errors';
import { checkOwnUpload } from '../../shared/files';
import { enrollmentErrors } from '../enrollment/engine';
import { CERT_LEVELS, certRank, type Declaration, type EventFields } from './records';

/** The declaration as stored, or INVALID_INPUT / NOT_ELIGIBLE in words that say what is missing. */
export function checkDeclaration(
  fields: EventFields,
  d: Declaration | undefined,
  openid: string,
  field = 'declaration',
): Declaration {
  if (!d) throw fail('INVALID_INPUT', '请填写从业年限和职业技能等级', { field });
  if (fields.certPhotoRequired && !d.certPhoto)
    throw fail('INVALID_INPUT', '请上传职业技能等级证书照片', { field: `${field}.certPhoto` });
  if (d.certPhoto) checkOwnUpload(d.certPhoto, openid, `${field}.certPhoto`);
  if (d.tradeYears < fields.minTradeYears)
    throw enrollmentErrors.fail(
      'NOT_ELIGIBLE',
      `本项目要求从事${fields.trade}工作满${fields.minTradeYears}年，您填写的是${d.tradeYears}年`,
    );
  if (certRank(d.certLevel) < certRank(fields.minCertLevel))
    throw enrollmentErrors.fail(
      'NOT_ELIGIBLE',
      `本项目要求${CERT_LEVELS[fields.minCertLevel]}及以上职业技能等级，您填写的是${CERT_LEVELS[d.certLevel]}`,
    );
  return { tradeYears: d.tradeYears, certLevel: d.certLevel, ...(d.certPhoto ? { certPhoto: d.certPhoto } : {}) };
}
