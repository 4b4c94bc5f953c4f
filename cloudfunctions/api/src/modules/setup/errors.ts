import { defineErrors } from '../../errors';
import { SETUP_MAX_FAILURES } from './rateLimit';

export const setupErrors = defineErrors({
  SETUP_CODE_INVALID: '设置码不正确，请核对后重新输入（不区分大小写，可省略短横线）',
  SETUP_CODE_EXPIRED: '该设置码已过期（有效期72小时），请联系运维人员重新生成',
  SETUP_CODE_USED: '该设置码已被使用，每个设置码只能使用一次；如需设置管理员请联系运维人员重新生成',
  SETUP_TOO_MANY_TRIES: `设置码输错已达${SETUP_MAX_FAILURES}次，请1小时后再试`,
});
