import { defineErrors } from '../../errors';
import { CANCEL_BEFORE_HOURS, MAX_OPEN_BOOKINGS } from '../../rules/legalAid';

export const legalAidErrors = defineErrors({
  SLOT_FULL: '该时段已约满，请选择其他时段',
  SLOT_CLOSED: '该时段已停止预约，请选择其他时段',
  BOOKING_LIMIT: `您已有${MAX_OPEN_BOOKINGS}个未完成的预约，请在咨询结束或取消后再预约`,
  ALREADY_BOOKED: '您已预约了该时段，请在“我的预约”中查看',
  CANCEL_CLOSED: `距咨询开始已不足${CANCEL_BEFORE_HOURS}小时，不能在线取消或改约，请致电法律援助站`,
  NOT_RATEABLE: '咨询完成后才能评价',
  ALREADY_RATED: '您已评价过本次服务，感谢您的反馈',
});
