import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../../api/client';
import { uploadImage } from '../../../api/upload';
import { useAction } from '../../../hooks/useAction';
import { useSession } from '../../../stores/session';
import { useManagingOrgs, type OrgChoice } from '../managingOrg';
import type { OfferDraft } from './OfferForm';
import { EMPTY_FORM, formOf, offerFieldKey, placeFieldKey, saveInputOf, type Place, type PlaceForm } from './placeForm';

type Status = 'active' | 'suspended';

/**
 * The place editor's state: the place as loaded and saved, the form (kept as typed when a save is refused), the
 * managing union (an existing place keeps its own until another is picked, a new one defaults to the staffer's
 * own union), and the actions (save, add a photo, save an offer, suspend or restore) run through one `useAction`.
 */
export function usePlaceEdit() {
  const { params } = useRouter();
  const session = useSession();
  const act = useAction();
  const [placeId, setPlaceId] = useState(params.id);
  const [place, setPlace] = useState<Place | null>(null);
  const [loading, setLoading] = useState(!!params.id);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [form, setForm] = useState<PlaceForm>(EMPTY_FORM);
  const [editingOffer, setEditingOffer] = useState<string | 'new' | null>(null);
  /** A suspension waiting for confirmation: the place (no offer id) or one offer. */
  const [suspending, setSuspending] = useState<{ offerId?: string; what: string } | null>(null);
  const managing = useManagingOrgs();
  const [pickedOrg, setPickedOrg] = useState<OrgChoice | null>(null);
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

  /** Changes one field; its error disappears. */
  const set = <K extends keyof PlaceForm>(key: K, value: PlaceForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    act.clearField(key);
  };

  const pickOrg = (choice: OrgChoice) => {
    setPickedOrg(choice);
    act.clearField('orgId');
  };

  const replace = (saved: Place) => {
    setPlace(saved);
    setPlaceId(saved._id);
    setForm(formOf(saved));
  };

  const save = () => {
    const checked = saveInputOf(form, { placeId, rev: place?.rev, orgId: org?.id });
    if ('errors' in checked) return act.setFieldErrors(checked.errors);
    void act.run(() => call('merchants.save', checked.input), {
      success: '已保存',
      failTitle: '未能保存',
      fieldKey: placeFieldKey,
      onDone: replace,
    });
  };

  const addPhoto = async () => {
    const openid = session.session?.openid;
    if (act.busy || !openid) return;
    const chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] }).catch(() => null); // null: cancelled
    const path = chosen?.tempFilePaths[0];
    if (!path) return;
    void act.run(() => uploadImage(path, openid), {
      failTitle: '图片未能上传',
      onDone: (fileId) => setForm((f) => ({ ...f, photos: [...f.photos, fileId].slice(0, 6) })),
    });
  };

  const saveOffer = (draft: OfferDraft) => {
    if (!placeId) return;
    void act.run(() => call('merchants.saveOffer', { placeId, ...draft }), {
      success: '优惠已保存',
      failTitle: '未能保存优惠',
      fieldKey: offerFieldKey,
      onDone: (saved) => {
        setPlace(saved);
        setEditingOffer(null);
      },
    });
  };

  const setStatus = async (status: Status, offerId?: string) => {
    if (!placeId) return;
    await act.run(() => call('merchants.setStatus', { placeId, status, ...(offerId ? { offerId } : {}) }), {
      failTitle: status === 'active' ? '未能恢复' : '未能暂停',
      onDone: setPlace,
    });
    setSuspending(null);
  };

  /** Suspending asks first (members stop seeing it, staff stop redeeming); restoring does not. */
  const toggle = (status: Status, offerId?: string) => {
    if (status === 'active') void setStatus('active', offerId);
    else setSuspending({ offerId, what: offerId ? '该优惠' : form.kind === 'station' ? '该驿站' : '该商户' });
  };

  return {
    act,
    placeId,
    place,
    loading,
    loadError,
    reload: () => placeId && load(placeId),
    form,
    set,
    managing,
    org,
    orgName,
    pickOrg,
    editingOffer,
    setEditingOffer,
    suspending,
    cancelSuspend: () => setSuspending(null),
    save,
    addPhoto,
    saveOffer,
    setStatus,
    toggle,
  };
}

export type PlaceEditState = ReturnType<typeof usePlaceEdit>;
