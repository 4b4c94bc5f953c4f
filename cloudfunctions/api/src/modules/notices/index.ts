/** 工会动态: notices union staff publish (title, date, body, cover) and everyone reads on the home page. */
import { defineAction, defineModule } from '../../action';
import { NOTICES_COLLECTIONS } from './collections';
import { getNotice, listNotices, removeNotice, saveNotice } from './notices';
import { noticesGetInput, noticesListInput, noticesRemoveInput, noticesSaveInput } from './schemas';

const PUBLISHERS = ['staff', 'admin'] as const;

export const noticesModule = defineModule({
  area: 'notices',
  collections: NOTICES_COLLECTIONS,
  orgPaths: [{ collection: NOTICES_COLLECTIONS.notices, field: 'orgPath' }],
  fieldLabels: {
    noticeId: '动态编号',
    title: '标题',
    date: '发布日期',
    body: '正文',
    coverFileId: '封面图片',
    mine: '只看可编辑',
  },
  audit: { 'notices.publish': '发布工会动态', 'notices.edit': '修改工会动态', 'notices.remove': '删除工会动态' },
  actions: {
    'notices.list': defineAction({
      input: noticesListInput,
      roles: 'any',
      needsGrants: true,
      handler: (input, ctx) => listNotices(input.page, input.mine, ctx),
    }),
    'notices.get': defineAction({
      input: noticesGetInput,
      roles: 'any',
      needsGrants: true,
      handler: (input, ctx) => getNotice(input.noticeId, ctx),
    }),
    'notices.save': defineAction({ input: noticesSaveInput, roles: PUBLISHERS, handler: saveNotice }),
    'notices.remove': defineAction({
      input: noticesRemoveInput,
      roles: PUBLISHERS,
      handler: (input, ctx) => removeNotice(input.noticeId, ctx),
    }),
  },
});
