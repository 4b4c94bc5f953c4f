import { z } from 'zod';
import { dayField, keywordField, pageField, recordId } from '../../lib/schemaParts';
import { fileIdPattern } from '../../shared/files';

export {
  CATEGORIES,
  LIMIT_PERIODS,
  PLACE_KINDS,
  STATION_SERVICES,
  TIERS,
  type Category,
  type District,
  type LimitPeriod,
  type PlaceKind,
  type StationService,
  type Tier,
} from '../../rules/merchants';
import { CATEGORIES, LIMIT_PERIODS, PLACE_KINDS, STATION_SERVICES, TIERS } from '../../rules/merchants';
export const PLACE_STATUSES = ['active', 'suspended'] as const;
export type PlaceStatus = (typeof PLACE_STATUSES)[number];

const lat = z.number().min(-90, '纬度应在-90到90之间').max(90, '纬度应在-90到90之间');
const lng = z.number().min(-180, '经度应在-180到180之间').max(180, '经度应在-180到180之间');
const kind = z.enum(PLACE_KINDS, { error: '类型只能是商户或驿站' });
/** Opaque paging cursor from the previous page (checked again when decoded). */
const cursor = z
  .string()
  .max(2000, '分页参数无效')
  .regex(/^[A-Za-z0-9_-]+$/, '分页参数无效');
const day = dayField('日期格式应为YYYY-MM-DD');
/** A card code as scanned (the token of card.token / card.tokens), or the 8-digit 核验码 typed (spaces allowed). */
const code = z
  .string()
  .trim()
  .min(1, '请输入会员电子工会卡二维码下方的8位核验码，或扫描会员的二维码')
  .max(256, '会员码无效')
  .transform((v) => (/^[\d\s]+$/.test(v) ? v.replace(/\s/g, '') : v))
  .pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/, '会员码无效')
      .refine((v) => !/^\d+$/.test(v) || v.length === 8, '核验码是8位数字，请核对后重新输入'),
  );

/** The same field wherever a member's card code is read at a counter or station (送清凉 发放 too). */
export const cardCodeField = code;

export const merchantsNearbyInput = z.strictObject({
  lat,
  lng,
  kind: kind.optional(),
  category: z.enum(CATEGORIES, { error: '类别无效' }).optional(),
  keyword: keywordField,
  openNow: z.boolean().optional(),
  sort: z.enum(['distance', 'newest'], { error: '排序方式无效' }).optional(),
  cursor: cursor.optional(),
  /** 20 for the list; the map asks for up to 50 markers. */
  limit: z.number().int().min(1).max(50).optional(),
});
export type NearbyInput = z.infer<typeof merchantsNearbyInput>;

export const merchantsGetInput = z.strictObject({ placeId: recordId, lat: lat.optional(), lng: lng.optional() });
export const merchantsFavouriteInput = z.strictObject({ placeId: recordId, on: z.boolean({ error: '请选择收藏或取消' }) });
export const merchantsPageInput = z.strictObject({ page: pageField });

export const merchantsCheckInput = z.strictObject({ code, placeId: recordId.optional() });
export const merchantsRedeemInput = z.strictObject({
  ticket: z
    .string()
    .min(1)
    .max(600)
    .regex(/^[A-Za-z0-9_.-]+$/, '核验凭据无效，请重新扫码'),
  offerId: recordId,
});
export const merchantsTodayInput = z.strictObject({ placeId: recordId.optional(), page: pageField });

export const merchantsAdminListInput = z.strictObject({
  page: pageField,
  keyword: keywordField,
  kind: kind.optional(),
  status: z.enum(PLACE_STATUSES).optional(),
});

export const merchantsAdminGetInput = z.strictObject({ placeId: recordId });

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min > 1 ? `至少${min}个字` : '不能为空')
    .max(max, `不超过${max}个字`);

export const merchantsSaveInput = z.strictObject({
  /** Absent to create a place; present (with the revision seen) to edit one. */
  placeId: recordId.optional(),
  rev: z.number().int().min(0).max(1_000_000).optional(),
  kind,
  placeName: text(2, 40),
  category: z.enum(CATEGORIES, { error: '请选择类别' }).optional(),
  tier: z.enum(TIERS, { error: '请选择商户等级' }).optional(),
  services: z
    .array(z.enum(STATION_SERVICES, { error: '服务项目无效' }))
    .max(STATION_SERVICES.length)
    .optional(),
  /** Words members search by beyond the name and category (书店, 图书 …). */
  tags: z.array(z.string().trim().min(1, '标签不能为空').max(8, '每个标签不超过8个字')).max(6, '最多6个标签').optional(),
  /** One of the union's districts (settings), checked by the handler. */
  district: z.string().trim().min(1, '请选择所在区县').max(20, '区县名称不超过20个字'),
  address: text(4, 80),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9-]{7,20}$/, '电话应为7–20位数字'),
  intro: z.string().trim().max(300, '不超过300字').optional(),
  lat,
  lng,
  hours: text(4, 80),
  photos: z.array(z.string().max(300).regex(fileIdPattern, '图片无效，请重新上传')).max(6, '最多6张图片').optional(),
  orgId: recordId,
});
export type SaveInput = z.infer<typeof merchantsSaveInput>;

export const merchantsSaveOfferInput = z.strictObject({
  placeId: recordId,
  offerId: recordId.optional(),
  offerTitle: text(2, 30),
  terms: text(2, 200),
  validFrom: day,
  validTo: day,
  period: z.enum(LIMIT_PERIODS, { error: '限次周期无效' }),
  perPeriod: z.number().int().min(1, '每人限次至少为1').max(10, '每人限次不超过10'),
  totalLimit: z.number().int().min(1).max(1_000_000).nullable().optional(),
});
export type SaveOfferInput = z.infer<typeof merchantsSaveOfferInput>;

export const merchantsSetStatusInput = z.strictObject({
  placeId: recordId,
  offerId: recordId.optional(),
  status: z.enum(PLACE_STATUSES, { error: '状态无效' }),
});

const importFile = z.string().max(300).regex(fileIdPattern, '文件无效，请重新上传');
export const merchantsImportInput = z.strictObject({ fileId: importFile, orgId: recordId });
export const merchantsExportInput = z.strictObject({
  month: z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份格式应为YYYY-MM'),
});
