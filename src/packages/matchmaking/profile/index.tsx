import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ApiError, call, errorMessage } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { useSession } from '../../../stores/session';
import { ROUTES, go } from '../../../utils/nav';
import { useProfileDraft } from '../store';
import type { MyProfile } from '../types';
import { ProfileForm } from './ProfileForm';
import { toProfileInput } from './validate';
import '../matchmaking.scss';
import './index.scss';

/** Single status (confirmation by the member's union) and the pause switch, each confirmed. */
function Standing({ profile, onChanged }: { profile: MyProfile; onChanged: (p: MyProfile) => void }) {
  const [ask, setAsk] = useState<'pause' | 'confirm' | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (what: 'pause' | 'confirm') => {
    if (busy) return;
    setBusy(true);
    try {
      const next =
        what === 'pause'
          ? await call('matchmaking.setPaused', { paused: !profile.paused })
          : await call('matchmaking.requestConfirmation', {});
      setAsk(null);
      onChanged(next);
      void Taro.showToast({
        title: what === 'confirm' ? '已提交申请' : next.paused ? '已暂停展示' : '已恢复展示',
        icon: 'success',
      });
    } catch (e) {
      setAsk(null);
      void Taro.showModal({ title: '未能办理', content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(false);
    }
  };
  const canAsk = profile.single.status === 'declared' || profile.single.status === 'rejected';
  return (
    <View className='section mm-standing'>
      <View className='mm-head'>
        <Text className='section-title'>单身状态</Text>
        <Text className={`tag ${profile.single.status === 'confirmed' ? 'tag-approved' : 'tag-pending'} mm-single-status`}>
          {profile.single.statusText}
        </Text>
      </View>
      {profile.single.decidedOrgName && profile.single.status === 'confirmed' && (
        <Text className='mm-line muted'>已由{profile.single.decidedOrgName}确认</Text>
      )}
      {profile.single.note && <Text className='mm-line muted'>说明：{profile.single.note}</Text>}
      {canAsk && (
        <Button kind='plain' block className='mm-ask-confirm' loading={busy} onClick={() => setAsk('confirm')}>
          申请单位工会确认单身
        </Button>
      )}
      <View className='mm-head mm-pause-row'>
        <Text>{profile.paused ? '资料已暂停展示，任何人都看不到' : '资料正在展示'}</Text>
        <Button
          small
          kind={profile.paused ? 'primary' : 'quiet'}
          className='mm-pause'
          loading={busy}
          onClick={() => setAsk('pause')}
        >
          {profile.paused ? '恢复展示' : '暂停展示'}
        </Button>
      </View>
      <ConfirmDialog
        visible={!!ask}
        title={ask === 'confirm' ? '申请单位工会确认？' : profile.paused ? '恢复展示资料？' : '暂停展示资料？'}
        className='mm-standing-dialog'
        busy={busy}
        onConfirm={() => ask && void run(ask)}
        onCancel={() => setAsk(null)}
      >
        <Text>
          {ask === 'confirm'
            ? '所在工会的工作人员将看到您的姓名和申请（看不到交友资料），核实后确认。部分活动要求确认后才能报名。'
            : profile.paused
              ? '恢复后，同场参加者和互选对象将重新看到您的资料。'
              : '暂停后，任何人（包括同场参加者、互选对象和组织工会）都看不到您的资料；暂停期间不能报名或互选。'}
        </Text>
      </ConfirmDialog>
    </View>
  );
}

/** 我的交友资料: fill in or edit, choose who sees what, pause. e2e hooks `.mm-save`, `.mm-form-error`. */
export default function MyProfilePage() {
  const remote = useRemote(() => call('matchmaking.myProfile', {}));
  const { session } = useSession();
  const { draft, set, start, clear } = useProfileDraft();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const profile = remote.data ?? null;
  useEffect(() => {
    if (!remote.loading && !remote.error) start(profile);
  }, [remote.loading, remote.error, profile, start]);

  const save = async () => {
    if (!draft || saving) return;
    setServerError(null);
    const { input, errors: found } = toProfileInput(draft);
    setErrors(found);
    if (!input) return;
    setSaving(true);
    try {
      const saved = await call('matchmaking.saveProfile', input);
      clear();
      start(saved);
      remote.setData(saved);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (e) {
      // What was typed stays in the draft; the member fixes it or simply tries again.
      const field = e instanceof ApiError ? String((e.details as { field?: string } | undefined)?.field ?? '') : '';
      if (field) setErrors({ [field.startsWith('photos') ? 'photos' : field]: errorMessage(e) });
      setServerError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  const notMember = !!session && !session.member;

  return (
    <PageShell className='mm-profile' page='matchmakingProfile'>
      <StateView
        loading={remote.loading && !remote.data}
        error={remote.error}
        errorCode={remote.errorCode}
        onRetry={remote.reload}
      >
        {notMember ? (
          <View className='section'>
            <Text className='mm-line'>交友资料仅面向实名认证的工会会员。完成入会后即可填写。</Text>
            <Button block onClick={() => go(ROUTES.apply)}>
              去入会
            </Button>
          </View>
        ) : (
          draft && (
            <View>
              {profile && <Standing profile={profile} onChanged={(p) => remote.setData(p)} />}
              <ProfileForm draft={draft} errors={errors} openid={session?.openid ?? ''} onChange={set} />
              {serverError && <Text className='mm-error mm-form-error'>{serverError}</Text>}
              <View className='mm-bar'>
                <Button block className='mm-save' loading={saving} loadingText='保存中…' onClick={() => void save()}>
                  {profile ? '保存资料' : '保存并声明单身'}
                </Button>
              </View>
            </View>
          )
        )}
      </StateView>
    </PageShell>
  );
}
