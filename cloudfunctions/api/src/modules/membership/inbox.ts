/** 消息与待办 of 入会: an application sent back (未通过, with the reason) waits for the member to correct and resubmit it. */
import type { ActionContext, InboxDeclaration, InboxItem } from '../../action';
import { findById } from '../../db';
import { toIso } from '../../lib/time';
import { MEMBERSHIP_COLLECTIONS as C } from './collections';
import type { ApplicationRecord } from './records';
import { applicationIdFor } from './submitApplication';

async function returnedApplication(openid: string, _ctx: ActionContext): Promise<InboxItem[]> {
  const app = await findById<ApplicationRecord>(C.applications, applicationIdFor(openid));
  if (app?.status !== 'rejected') return [];
  return [
    {
      key: `application:${app._id}`,
      kind: 'todo',
      label: '入会申请',
      title: '入会申请未通过，请修改后重新提交',
      ...(app.rejectReason ? { note: `原因：${app.rejectReason}` } : {}),
      at: new Date(toIso(app.reviewedAt ?? app.submittedAt)),
      route: 'applicationStatus',
    },
  ];
}

export const membershipInbox: InboxDeclaration = { sources: { application: returnedApplication } };
