/** Reusable zod pieces: every action input is a strict object of these, with length limits. */
import { z } from 'zod';

/** Record ids we generate or seed: letters, digits, `_`, `-`, `:`. */
export const recordId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_:-]+$/, '编号格式不正确');
export const openidField = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'openid格式不正确');
export const pageField = z.number().int().min(1).max(1000).optional();
export const emptyInput = z.strictObject({});

/** Chinese labels for field names, used in INVALID_INPUT messages. */
export const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  idNumber: '身份证号',
  mobile: '手机号',
  workUnit: '工作单位',
  orgId: '所属工会',
  channel: '入会渠道',
  occupation: '职业',
  status: '状态',
  page: '页码',
  applicationId: '申请编号',
  reason: '原因',
  token: '会员码',
  toOrgId: '转入工会',
  transferId: '转会申请编号',
  openid: '用户标识',
  role: '角色',
  scopeId: '管辖范围',
  templateKey: '消息模板',
  accepted: '是否同意',
};
