import { Image, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../../api/client';
import type { InputOf, Org, OutputOf } from '../../../api/types';
import { uploadImage } from '../../../api/upload';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field, FieldFrame, PickerField } from '../../../components/Field';
import { OrgPicker } from '../../../components/OrgPicker/OrgPicker';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { DISTRICT_SPOTS } from '../../../pages/discounts/location';
import { useSession } from '../../../stores/session';
import { useManagingOrgs, type OrgChoice } from '../managingOrg';
import { OfferForm, type OfferDraft } from './OfferForm';
import { CATEGORIES, STATION_SERVICES, TIERS, type Category, type StationService } from '@rules/merchants';
import '../merchants.scss';
import './index.scss';

type Place = OutputOf<'merchants.adminGet'>;
type SaveInput = InputOf<'merchants.save'>;

interface Form {
  kind: 'merchant' | 'station';
  placeName: string;
  category: Category;
  tier: (typeof TIERS)[number];
  services: StationService[];
  district: SaveInput['district'];
  address: string;
  phone: string;
  intro: string;
  lat: string;
  lng: string;
  hours: string;
  photos: string[];
}

const EMPTY: Form = {
  kind: 'merchant',
  placeName: '',
  category: '餐饮',
  tier: '普惠商户',
  services: ['饮水', '休息', '充电', '如厕'],
  district: '天宁区',
  address: '',
  phone: '',
  intro: '',
  lat: '',
  lng: '',
  hours: '09:00-21:00',
  photos: [],
};

function formOf(p: Place): Form {
  return {
    kind: p.kind,
    placeName: p.name,
    category: p.category ?? '餐饮',
    tier: p.tier ?? '普惠商户',
    services: p.services ?? [],
    district: p.district,
    address: p.address,
    phone: p.phone,
    intro: p.intro,
    lat: String(p.lat),
    lng: String(p.lng),
    hours: p.hours,
    photos: p.photos,
  };
}

/**
 * Creating or editing a place and its offers (staff of the managing union). The form keeps what was typed when a
 * save fails. The managing union (管理单位) is picked in the staffer's subtree: an existing place keeps its own
 * until another is picked, a new one defaults to the staffer's own union (administrators pick one).
 * e2e hooks: `.edit-org` (its `.field-error` under it when none is picked), `.edit-error`, `.edit-save`.
 */
export default function PlaceEdit() {
  const { params } = useRouter();
  const session = useSession();
  const [placeId, setPlaceId] = useState(params.id);
  const [place, setPlace] = useState<Place | null>(null);
  const [loading, setLoading] = useState(!!params.id);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [editingOffer, setEditingOffer] = useState<string | 'new' | null>(null);
  /** A suspension waiting for confirmation: the place (no offer id) or one offer. */
  const [suspending, setSuspending] = useState<{ offerId?: string; what: string } | null>(null);
  const managing = useManagingOrgs();
  const [pickedOrg, setPickedOrg] = useState<OrgChoice | null>(null);
  const [pickingOrg, setPickingOrg] = useState(false);
  const [orgError, setOrgError] = useState<string | undefined>(undefined);
  const org: OrgChoice | null = pickedOrg ?? (place ? { id: place.orgId, name: '' } : managing.fallback);
  const orgName = org ? org.name || managing.orgs.find((o) => o._id === org.id)?.name || '' : '';

  const load = (id: string) => {
    setLoading(true);
    setLoadError(null);
    call('merchants.adminGet', { placeId: id }).then(
      (p) => {
        setPlace(p);
        setForm(formOf(p));
        setLoading(false);
      },
      (e: unknown) => {
        setLoadError(errorMessage(e));
        setLoading(false);
      },
    );
  };
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading the place once on open
    if (params.id) load(params.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per page
  }, []);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  const save = async () => {
    if (busy) return;
    if (!org) {
      setOrgError('请选择管理单位');
      return setProblem('请选择管理单位');
    }
    const lat = Number(form.lat);
    const lng = Number(form.lng);
    if (!form.lat || !form.lng || !Number.isFinite(lat) || !Number.isFinite(lng))
      return setProblem('请填写经纬度（数字，如 31.781 / 119.980）');
    setBusy(true);
    setProblem(null);
    try {
      const input: SaveInput = {
        ...(placeId ? { placeId, rev: place?.rev ?? 0 } : {}),
        kind: form.kind,
        placeName: form.placeName,
        ...(form.kind === 'merchant' ? { category: form.category, tier: form.tier } : { services: form.services }),
        district: form.district,
        address: form.address,
        phone: form.phone,
        intro: form.intro,
        lat,
        lng,
        hours: form.hours,
        photos: form.photos,
        orgId: org.id,
      };
      const saved = await call('merchants.save', input);
      setPlace(saved);
      setPlaceId(saved._id);
      setForm(formOf(saved));
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const addPhoto = async () => {
    if (busy || !session.session) return;
    let path: string | undefined;
    try {
      path = (await Taro.chooseImage({ count: 1, sizeType: ['compressed'] })).tempFilePaths[0];
    } catch {
      return; // cancelled
    }
    if (!path) return;
    setBusy(true);
    try {
      const fileId = await uploadImage(path, session.session.openid);
      setForm((f) => ({ ...f, photos: [...f.photos, fileId].slice(0, 6) }));
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const saveOffer = async (draft: OfferDraft) => {
    if (!placeId || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const saved = await call('merchants.saveOffer', { placeId, ...draft });
      setPlace(saved);
      setEditingOffer(null);
      void Taro.showToast({ title: '优惠已保存', icon: 'success' });
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const setStatus = async (status: 'active' | 'suspended', offerId?: string) => {
    if (!placeId || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      setPlace(await call('merchants.setStatus', { placeId, status, ...(offerId ? { offerId } : {}) }));
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
      setSuspending(null);
    }
  };

  /** Suspending asks first (members stop seeing it, staff stop redeeming); restoring does not. */
  const toggle = (status: 'active' | 'suspended', offerId?: string) => {
    if (status === 'active') void setStatus('active', offerId);
    else setSuspending({ offerId, what: offerId ? '该优惠' : form.kind === 'station' ? '该驿站' : '该商户' });
  };

  const field = (label: string, key: 'placeName' | 'address' | 'phone' | 'hours' | 'lat' | 'lng', max: number, hint?: string) => (
    <Field label={label} name={`edit-${key}`} value={form[key]} maxlength={max} placeholder={hint} onInput={(v) => set(key, v)} />
  );

  return (
    <PageShell className='place-edit' page='placeEdit' title={placeId ? undefined : '新增商户或驿站'}>
      <StateView loading={loading} error={loadError} onRetry={() => placeId && load(placeId)}>
        <View className='section'>
          {!placeId && (
            <View className='m-tabs edit-kind'>
              {(['merchant', 'station'] as const).map((k) => (
                <View key={k} className={`m-tab ${form.kind === k ? 'm-tab-on' : ''}`} onClick={() => set('kind', k)}>
                  {k === 'merchant' ? '商户' : '驿站'}
                </View>
              ))}
            </View>
          )}
          {field('名称', 'placeName', 40)}
          {form.kind === 'merchant' ? (
            <View className='edit-pickers'>
              <Picker
                mode='selector'
                range={[...CATEGORIES]}
                value={CATEGORIES.indexOf(form.category)}
                onChange={(e) => set('category', CATEGORIES[Number(e.detail.value)])}
              >
                <View className='m-picker'>类别：{form.category}</View>
              </Picker>
              <Picker
                mode='selector'
                range={[...TIERS]}
                value={TIERS.indexOf(form.tier)}
                onChange={(e) => set('tier', TIERS[Number(e.detail.value)])}
              >
                <View className='m-picker'>等级：{form.tier}</View>
              </Picker>
            </View>
          ) : (
            <FieldFrame label='服务项目'>
              <View className='edit-services'>
                {STATION_SERVICES.map((s) => (
                  <Text
                    key={s}
                    className={`m-tag ${form.services.includes(s) ? 'm-tag-green' : ''}`}
                    onClick={() =>
                      set('services', form.services.includes(s) ? form.services.filter((x) => x !== s) : [...form.services, s])
                    }
                  >
                    {form.services.includes(s) ? '✓ ' : ''}
                    {s}
                  </Text>
                ))}
              </View>
            </FieldFrame>
          )}
          <Picker
            mode='selector'
            range={DISTRICT_SPOTS.map((d) => d.name)}
            value={DISTRICT_SPOTS.findIndex((d) => d.name === form.district)}
            onChange={(e) => set('district', DISTRICT_SPOTS[Number(e.detail.value)].name)}
          >
            <View className='m-picker edit-district'>区县：{form.district}</View>
          </Picker>
          <PickerField
            label='管理单位'
            name='edit-org'
            value={orgName || (org ? '加载中…' : '')}
            placeholder='请选择工会'
            error={orgError}
            onOpen={() => managing.ready && setPickingOrg(true)}
          />
          {field('地址', 'address', 80, '常州市…路…号')}
          {field('电话', 'phone', 20, '0519-8xxxxxxx')}
          <View className='edit-coords'>
            {field('纬度', 'lat', 12, '31.781')}
            {field('经度', 'lng', 12, '119.980')}
          </View>
          {field(
            form.kind === 'station' ? '开放时间' : '营业时间',
            'hours',
            80,
            '周一至周五 09:00-21:00；周六、周日 10:00-22:00',
          )}
          <Field
            label='简介（选填）'
            name='edit-intro'
            multiline
            value={form.intro}
            maxlength={300}
            onInput={(v) => set('intro', v)}
          />
          <FieldFrame label='图片（最多6张）'>
            <View className='edit-photos'>
              {(place?.photos ?? []).length === form.photos.length &&
                place?.photoUrls.map((url) => <Image key={url} className='edit-photo' src={url} mode='aspectFill' />)}
              {form.photos.length > (place?.photos.length ?? 0) && (
                <Text className='muted'>已添加 {form.photos.length} 张，保存后显示</Text>
              )}
              {form.photos.length < 6 && (
                <Button small kind='plain' className='edit-add-photo' disabled={busy} onClick={() => void addPhoto()}>
                  添加图片
                </Button>
              )}
            </View>
          </FieldFrame>
          {problem && <Text className='m-error edit-error'>{problem}</Text>}
          <Button block className='edit-save' loading={busy} loadingText='保存中…' onClick={() => void save()}>
            保存
          </Button>
          {place && (
            <Button
              block
              kind='plain'
              className='edit-status'
              disabled={busy}
              onClick={() => toggle(place.status === 'active' ? 'suspended' : 'active')}
            >
              {place.status === 'active' ? '暂停合作' : '恢复合作'}
            </Button>
          )}
        </View>

        {place?.kind === 'merchant' && (
          <View className='section'>
            <Text className='section-title'>优惠</Text>
            {place.offers.map((o) =>
              editingOffer === o._id ? (
                <OfferForm
                  key={o._id}
                  offer={o}
                  busy={busy}
                  onSave={(d) => void saveOffer(d)}
                  onCancel={() => setEditingOffer(null)}
                />
              ) : (
                <View key={o._id} className='m-item edit-offer'>
                  <View className='m-item-main'>
                    <Text className='m-item-title'>{o.title}</Text>
                    <Text className='muted'>
                      {o.limitText} · {o.validFrom} 至 {o.validTo}
                    </Text>
                    <Text className={`m-tag ${o.status === 'active' ? 'm-tag-green' : 'm-tag-red'}`}>
                      {o.status === 'active' ? (o.current ? '进行中' : '未在有效期') : '已暂停'}
                    </Text>
                  </View>
                  <Button small kind='plain' className='edit-offer-edit' onClick={() => setEditingOffer(o._id)}>
                    编辑
                  </Button>
                  <Button
                    small
                    kind='quiet'
                    className='edit-offer-status'
                    disabled={busy}
                    onClick={() => toggle(o.status === 'active' ? 'suspended' : 'active', o._id)}
                  >
                    {o.status === 'active' ? '暂停' : '恢复'}
                  </Button>
                </View>
              ),
            )}
            {editingOffer === 'new' ? (
              <OfferForm busy={busy} onSave={(d) => void saveOffer(d)} onCancel={() => setEditingOffer(null)} />
            ) : (
              <Button block kind='plain' className='edit-add-offer' onClick={() => setEditingOffer('new')}>
                新增优惠
              </Button>
            )}
          </View>
        )}
      </StateView>
      {pickingOrg && (
        <OrgPicker
          orgs={managing.orgs}
          filter={{ purpose: 'any', within: managing.within }}
          title='选择管理单位'
          onClose={() => setPickingOrg(false)}
          onSelect={(o: Org) => {
            setPickedOrg({ id: o._id, name: o.name });
            setOrgError(undefined);
            if (problem === '请选择管理单位') setProblem(null);
            setPickingOrg(false);
          }}
        />
      )}
      <ConfirmDialog
        visible={!!suspending}
        title={`暂停${suspending?.what ?? ''}`}
        confirmText='暂停'
        busy={busy}
        className='edit-suspend-confirm'
        onConfirm={() => void setStatus('suspended', suspending?.offerId)}
        onCancel={() => setSuspending(null)}
      >
        <Text>暂停后会员将看不到{suspending?.what}，店员也不能核销；之后可随时恢复。</Text>
      </ConfirmDialog>
    </PageShell>
  );
}
