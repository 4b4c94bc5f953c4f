import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { useSession } from '../../../stores/session';
import { ROUTES, go } from '../../../utils/nav';
import { useProfileDraft } from '../store';
import { ProfileForm } from './ProfileForm';
import { Standing } from './Standing';
import { toProfileInput } from './validate';
import '../matchmaking.scss';
import './index.scss';

/** Server field names the form shows an error under. */
const SHOWN = new Set(['nickname', 'height', 'city', 'occupation', 'intro', 'contact.value', 'singleDeclared']);

/**
 * 我的交友资料: fill in or edit, choose who sees what (photos included), pause. A problem is shown under its field
 * (checked on the phone first, then by the server), else in one dialog. Test id `matchmaking-profile-save`.
 */
export default function MyProfilePage() {
  const remote = useRemote(() => call('matchmaking.myProfile', {}));
  const { session } = useSession();
  const { draft, set, start, clear } = useProfileDraft();
  const act = useAction();
  const profile = remote.data ?? null;
  useEffect(() => {
    if (!remote.loading && !remote.error) start(profile);
  }, [remote.loading, remote.error, profile, start]);

  const save = () => {
    if (!draft) return;
    const { input, errors } = toProfileInput(draft);
    if (!input) return act.setFieldErrors(errors);
    // What was typed stays in the draft; the member fixes it or simply tries again.
    return act.run(() => call('matchmaking.saveProfile', input), {
      success: '已保存',
      failTitle: '未能保存',
      fieldKey: (field) => (field.startsWith('photos') ? 'photos' : SHOWN.has(field) ? field : undefined),
      onDone: (saved) => {
        clear();
        start(saved);
        remote.setData(saved);
      },
    });
  };
  const onChange = (patch: Parameters<typeof set>[0]) => {
    set(patch);
    for (const key of Object.keys(patch)) act.clearField(key === 'contactValue' ? 'contact.value' : key);
  };
  const notMember = !!session && !session.member;

  return (
    <PageShell className='mm-profile' page='matchmakingProfile'>
      <StateView remote={remote} loading={remote.loading && !remote.data}>
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
              <ProfileForm draft={draft} errors={act.fieldErrors} openid={session?.openid ?? ''} onChange={onChange} />
              <View className='mm-bar'>
                <Button
                  block
                  className='mm-save'
                  testId='matchmaking-profile-save'
                  loading={act.busy}
                  loadingText='保存中…'
                  onClick={() => void save()}
                >
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
