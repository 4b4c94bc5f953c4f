import { defineErrors } from '../../errors';

export const orgErrors = defineErrors({
  ORG_CYCLE: '不能把工会移到它自己或其下级工会之下',
  ORG_ROOT: '根工会不能移动或撤销',
  ORG_CLOSED: '该工会已撤销',
  ORG_NAME_TAKEN: '同一上级工会下已有同名工会',
  ORG_PARENT_KIND: '该类型的工会不能设在所选上级工会之下',
  ORG_HAS_CHILDREN: '该工会下还有下级工会，请先移动或撤销下级工会',
  ORG_MOVE_PENDING: '另一项工会隶属调整尚未完成，请先完成该调整',
  ORG_TARGET_INVALID: '接收会员的工会不能是被撤销的工会或其下级工会',
  ORG_IMPORT_INVALID: '导入文件有错误，请按提示修改后重新上传',
});
