import { z } from 'zod';
import { emptyInput } from '../../lib/schemaParts';
import { MESSAGE_PARTS, TEMPLATE_FIELD_PATTERN } from '../../rules/messageFields';
import { SWITCHABLE_AREAS, type SwitchableArea } from './records';

export const settingsGetInput = emptyInput;

const text = (label: string, max: number, min = 1) =>
  z.string().trim().min(min, `请填写${label}`).max(max, `${label}不超过${max}个字`);

const templateKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '模板键应为小写字母、数字和下划线');

const areaFlags = z.strictObject(
  Object.fromEntries(SWITCHABLE_AREAS.map((a) => [a, z.boolean()])) as Record<SwitchableArea, z.ZodBoolean>,
);

const mapPoint = z.strictObject({
  latitude: z.number().min(-90, '纬度应在-90到90之间').max(90, '纬度应在-90到90之间'),
  longitude: z.number().min(-180, '经度应在-180到180之间').max(180, '经度应在-180到180之间'),
});

export const settingsSaveInput = z.strictObject({
  /** The version the editor read (settings.get); another administrator's save since → CONFLICT. */
  version: z.number().int().min(0).max(1_000_000),
  union: z.strictObject({
    name: text('工会名称', 40),
    shortName: text('简称', 20),
    city: text('城市', 20, 0),
    hotline: z
      .string()
      .trim()
      .regex(/^[0-9-]{5,20}$/, '服务热线应为5–20位数字（可含短横线），如 12351 或 0519-12351'),
    districts: z.array(text('辖区名称', 20)).max(40, '辖区不超过40个'),
    /** By district name; centres of districts not in `districts` are dropped. Left out: none. */
    districtCenters: z.record(text('辖区名称', 20), mapPoint).optional(),
    mapCenter: mapPoint,
  }),
  areas: areaFlags,
  /** Left out: the stored ones are kept. */
  subscribeTemplateIds: z.record(templateKey, z.string().trim().min(1).max(64)).optional(),
  /** Template key → { WeChat field name → part of the message }; left out: the stored ones are kept. */
  subscribeTemplateFields: z
    .record(
      templateKey,
      z.record(
        z.string().regex(TEMPLATE_FIELD_PATTERN, '模板字段名格式不正确'),
        z.enum(MESSAGE_PARTS, { error: `模板字段的内容应为 ${MESSAGE_PARTS.join('、')} 之一` }),
      ),
    )
    .optional(),
  deadlines: z
    .strictObject({
      reviewDays: z.number().int().min(1, '审核期限至少1天').max(60, '审核期限不超过60天'),
      offerClaimHours: z.number().int().min(1).max(168),
      setupCodeHours: z.number().int().min(1).max(168),
      firstAnswerHours: z.number().int().min(1, '首次答复时限至少1小时').max(168, '首次答复时限不超过168小时').optional(),
    })
    .optional(),
});
export type SettingsSaveInput = z.infer<typeof settingsSaveInput>;
