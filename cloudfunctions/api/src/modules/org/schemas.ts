import { z } from 'zod';
import { fileIdPattern } from '../../shared/files';
import { ORG_KINDS } from '../../rules/orgKinds';
import { recordId } from '../../lib/schemaParts';

export const orgTreeInput = z.strictObject({
  /** Staff pages list closed unions too (greyed); pickers leave them out. */
  includeClosed: z.boolean().optional(),
});

const orgName = z
  .string()
  .trim()
  .min(2, '工会名称至少2个字')
  .max(40, '工会名称不超过40个字')
  .regex(/^[^<>{}$\\]+$/, '工会名称不能含有特殊符号');

export const orgCreateInput = z.strictObject({
  name: orgName,
  /** null only for the first (root) union of an empty environment, by an administrator. */
  parentId: recordId.nullable(),
  kind: z.enum(ORG_KINDS, { error: '请选择工会类型' }),
  acceptsNewEmployment: z.boolean(),
});

export const orgRenameInput = z.strictObject({ orgId: recordId, name: orgName });

export const orgMoveInput = z.strictObject({ orgId: recordId, parentId: recordId });

export const orgCloseInput = z.strictObject({
  orgId: recordId,
  /** Where the closed union's members and pending applications go (转会); may be left out only when it has none. */
  targetOrgId: recordId.optional(),
});

export const orgMergeInput = z.strictObject({ orgId: recordId, targetOrgId: recordId });

const importFile = z.string().max(300).regex(fileIdPattern, '文件无效，请重新上传');
export const orgImportInput = z.strictObject({ fileId: importFile });

export const orgExportInput = z.strictObject({});

export const ORG_FIELD_LABELS: Record<string, string> = {
  name: '工会名称',
  includeClosed: '包含已撤销',
  parentId: '上级工会',
  kind: '工会类型',
  acceptsNewEmployment: '是否接收新就业形态',
  targetOrgId: '接收会员的工会',
  fileId: '导入文件',
};
