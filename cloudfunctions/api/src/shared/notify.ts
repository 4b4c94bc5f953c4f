import { command, findById, findMany, getCloud, updateWhere } from '../db';
import { subscribeTemplates } from '../modules/settings/settings';
import { DEFAULT_TEMPLATE_FIELDS, MESSAGE_PARTS, type MessagePart } from '../rules/messageFields';
import { CORE_COLLECTIONS } from './collections';
import type { ConsentRecord } from './records';

export interface StatusMessage {
  title: string;
  statusText: string;
  note?: string;
  at: Date;
}

/** The page a subscribe message opens: 我的 (with 我的申请). */
export const MESSAGE_PAGE = 'pages/me/index';

/**
 * The template id for a key: the union's settings (edited in the app), else the deploy's SUBSCRIBE_TEMPLATE_IDS
 * variable ('{"membership_status":"xxxx"}', written from the settings file at deploy), else — locally — the key.
 */
function templateId(key: string, fromSettings: Record<string, string>): string {
  if (fromSettings[key]) return fromSettings[key];
  try {
    const map = JSON.parse(process.env.SUBSCRIBE_TEMPLATE_IDS ?? '{}') as Record<string, string>;
    return map[key] ?? key;
  } catch {
    return key;
  }
}

/** WeChat's length limits by the kind of field (its name without the number): thing 20, phrase 5, others 32. */
function limitOf(field: string): number {
  const kind = field.replace(/\d+$/, '');
  if (kind === 'thing') return 20;
  if (kind === 'phrase') return 5;
  return 32;
}

/**
 * The `data` of a message: each mapped field (settings.subscribeTemplateFields: field → part, rules/messageFields)
 * gets its part, clipped to what its kind allows.
 */
export function messageData(
  message: StatusMessage,
  mapping: Record<string, string> | undefined,
): Record<string, { value: string }> {
  const fields = mapping && Object.keys(mapping).length ? mapping : DEFAULT_TEMPLATE_FIELDS;
  const value = (part: MessagePart): string => {
    if (part === 'title') return message.title;
    if (part === 'status') return message.statusText;
    if (part === 'time') return formatTime(message.at);
    return message.note ?? '点击查看详情';
  };
  const data: Record<string, { value: string }> = {};
  for (const [field, part] of Object.entries(fields)) {
    if (!(MESSAGE_PARTS as readonly string[]).includes(part)) continue;
    data[field] = { value: part === 'time' ? value('time') : clip(value(part as MessagePart), limitOf(field)) };
  }
  return data;
}

const clip = (s: string, n: number) => {
  const chars = Array.from(s);
  return chars.length > n ? chars.slice(0, n - 1).join('') + '…' : s;
};

function formatTime(d: Date): string {
  // Beijing time, the format subscribe-message `time` fields accept.
  const t = new Date(d.getTime() + 8 * 3600 * 1000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

/**
 * Sends one subscribe message if the member consented. WeChat subscriptions are one-time: each acceptance
 * allows one message, so the consent is consumed with a guarded update before sending. Never throws:
 * a failed notification must not undo the status change that caused it.
 */
export async function sendSubscribeMessage(openid: string, templateKey: string, message: StatusMessage): Promise<boolean> {
  try {
    const consent = await findById<ConsentRecord>(CORE_COLLECTIONS.consents, `${openid}:${templateKey}`);
    if (!consent?.accepted) return false;
    return await sendConsented(openid, templateKey, message);
  } catch (error) {
    warnNotSent(templateKey, error);
    return false;
  }
}

/** Several messages (a batch decision): the consents read in one request, then each consented one sent. */
export async function sendSubscribeMessages(
  messages: Array<{ openid: string; templateKey: string; message: StatusMessage }>,
): Promise<void> {
  if (messages.length === 0) return;
  let accepted: Set<string>;
  try {
    const ids = [...new Set(messages.map((m) => `${m.openid}:${m.templateKey}`))];
    const rows = await findMany<ConsentRecord>(
      CORE_COLLECTIONS.consents,
      { _id: command().in(ids), accepted: true },
      { limit: 1000 },
    );
    accepted = new Set(rows.map((r) => r._id));
  } catch (error) {
    warnNotSent(messages[0].templateKey, error);
    return;
  }
  for (const m of messages) {
    if (!accepted.has(`${m.openid}:${m.templateKey}`)) continue;
    try {
      await sendConsented(m.openid, m.templateKey, m.message);
    } catch (error) {
      warnNotSent(m.templateKey, error);
    }
  }
}

/** Consumes the one-time consent (guarded) and sends; false when it was used meanwhile. */
async function sendConsented(openid: string, templateKey: string, message: StatusMessage): Promise<boolean> {
  const id = `${openid}:${templateKey}`;
  const consumed = await updateWhere(
    CORE_COLLECTIONS.consents,
    { _id: id, accepted: true },
    { accepted: false, usedAt: message.at },
  );
  if (consumed !== 1) return false;
  const templates = await subscribeTemplates();
  await getCloud().openapi.subscribeMessage.send({
    touser: openid,
    templateId: templateId(templateKey, templates.ids),
    page: MESSAGE_PAGE,
    data: messageData(message, templates.fields[templateKey]),
  });
  return true;
}

function warnNotSent(templateKey: string, error: unknown): void {
  // Name and code only: the SDK's message can echo the recipient's openid.
  const { name, errCode, code } = (error ?? {}) as { name?: string; errCode?: number; code?: string | number };
  console.warn('subscribe message not sent', { template: templateKey, error: name, code: errCode ?? code });
}
