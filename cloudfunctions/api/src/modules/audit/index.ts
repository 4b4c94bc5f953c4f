/** 操作日志: every staff action and every staff view of personal data (administrators only). */
import { defineAction, defineModule } from '../../action';
import { listAudit } from './listAudit';
import { auditListInput } from './schemas';

export const auditModule = defineModule({
  area: 'audit',
  fieldLabels: { includePiiViews: '显示个人信息查看记录' },
  actions: {
    'audit.list': defineAction({
      input: auditListInput,
      roles: ['admin'],
      handler: (input, ctx) => listAudit(ctx.house, input.page, input.includePiiViews),
    }),
  },
});
