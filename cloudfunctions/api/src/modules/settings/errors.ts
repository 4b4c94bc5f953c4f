import { defineErrors } from '../../errors';

export const settingsErrors = defineErrors({
  AREA_OFF: '该服务暂未开通，如有需要请联系所属工会',
});
