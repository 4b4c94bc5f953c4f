/**
 * What a subscribe-message template's fields carry (settings.subscribeTemplateFields: WeChat field name → part of
 * the status message; shared/notify.ts fills them). Every template gets the same message, so the parts are the
 * same for each (pure; the function and the 系统设置 form).
 */
export const MESSAGE_PARTS = ['title', 'status', 'time', 'note'] as const;
export type MessagePart = (typeof MESSAGE_PARTS)[number];

/** What each part holds, as the 系统设置 page explains it (also accepted in place of the English name). */
export const MESSAGE_PART_LABELS: Record<MessagePart, string> = {
  title: '事项',
  status: '状态',
  time: '时间',
  note: '备注',
};

/** A WeChat template field name: its kind and number (thing7, phrase3, date2, character_string1 …). */
export const TEMPLATE_FIELD_PATTERN = /^[a-z_]+[0-9]{0,2}$/;

/** The fields a template gets when the settings name none. */
export const DEFAULT_TEMPLATE_FIELDS: Readonly<Record<string, MessagePart>> = {
  thing1: 'title',
  phrase2: 'status',
  time3: 'time',
  thing4: 'note',
};
