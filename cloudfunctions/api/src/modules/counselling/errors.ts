import { defineErrors } from '../../errors';

export const counsellingErrors = defineErrors({
  SESSION_TAKEN: '该时段已被预约，请选择其他时段',
  SESSION_CLOSED: '该时段已停止预约，请选择其他时段',
  ONE_OPEN_SESSION: '您已有一次未完成的心理咨询预约，请在咨询结束或取消后再预约',
  CANCEL_CLOSED: '已过在线取消时间，如不能前来请致电咨询室',
  NO_NOTE_CONSENT: '来访者未同意保留咨询记录，不能填写记录',
});
