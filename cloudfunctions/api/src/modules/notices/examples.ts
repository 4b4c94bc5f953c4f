/** Valid example inputs of the area's actions, for the hostile-input test (see ../../examples.ts). */
import type { AreaExamples } from '../../examples';

export const examples: AreaExamples<'notices'> = {
  inputs: {
    'notices.list': { page: 1 },
    'notices.get': { noticeId: 'notice-demo-01' },
    'notices.save': { title: '工会动态标题', date: '2026-12-01', body: '这是一条工会动态的正文内容。', orgId: 'org-cz' },
    'notices.remove': { noticeId: 'notice-demo-01' },
  },
};
