import { View, Text } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import { useSessionStore } from '../../stores/session';
import { ROUTES, go, comingSoon } from '../../utils/nav';
import './index.scss';

const SHORTCUTS = [
  { key: 'apply', label: '入会申请', icon: '入', url: ROUTES.apply },
  { key: 'legal', label: '法律援助', icon: '法', url: ROUTES.legalAid },
  { key: 'trip', label: '疗休养', icon: '疗' },
  { key: 'contest', label: '技能竞赛', icon: '技' },
  { key: 'social', label: '单身联谊', icon: '谊' },
];

// Static tips drawn from Changzhou-area union programmes (news module comes later).
const TIPS = [
  { title: '普惠服务“一公里”', body: '工会特约商户持续扩容，线下“一公里”、线上“天天惠”，凭电子工会卡享会员优惠。' },
  { title: '长三角职工疗休养走进常州', body: '扩大劳模、一线职工疗休养覆盖面，报名将在“疗休养”专区开放。' },
  { title: '职工法律援助站', body: '在劳动人事争议仲裁机构、人民法院及律师事务所设立职工法律援助站，提供劳动争议咨询。' },
  { title: '职工职业技能竞赛', body: '全市职工职业技能竞赛年年举办，以赛促学、以赛促练。' },
];

export default function Home() {
  const { session, loading, error, load } = useSessionStore();
  useEffect(() => {
    void load();
  }, [load]);
  useDidShow(() => {
    if (session) void load();
  });

  const member = session?.member;
  const application = session?.application;

  return (
    <PageShell className='home'>
      <View className='home-hero'>
        <Text className='home-greeting'>{member ? `${member.name}，您好` : '您好，欢迎来到职工之家'}</Text>
        <Text className='home-sub'>{member ? member.orgName : '入会即可享受工会会员服务与普惠优惠'}</Text>
      </View>
      <StateView loading={loading && !session} error={!session ? error : null} onRetry={() => void load()}>
        <View className='section home-card-entry'>
          {member ? (
            <View className='btn home-show-card' onClick={() => go(ROUTES.card)}>
              出示电子工会卡
            </View>
          ) : application && application.status !== 'approved' ? (
            <View>
              <Text className='muted'>
                {application.status === 'pending' ? '您的入会申请正在审核中' : '您的入会申请未通过，可修改后重新提交'}
              </Text>
              <View className='btn home-application-status' onClick={() => go(ROUTES.applicationStatus)}>
                查看申请进度
              </View>
            </View>
          ) : (
            <View>
              <Text className='muted'>您还不是工会会员</Text>
              <View className='btn home-join' onClick={() => go(ROUTES.apply)}>
                立即入会
              </View>
            </View>
          )}
        </View>
      </StateView>
      <View className='section'>
        <Text className='section-title'>服务</Text>
        <View className='home-shortcuts'>
          {SHORTCUTS.map((s) => (
            <View
              key={s.key}
              className={`home-shortcut home-shortcut-${s.key}`}
              onClick={() => (s.url ? go(s.url) : comingSoon(s.label))}
            >
              <View className='home-shortcut-icon'>{s.icon}</View>
              <Text className='home-shortcut-label'>{s.label}</Text>
              {!s.url && <Text className='home-shortcut-soon'>即将开放</Text>}
            </View>
          ))}
        </View>
      </View>
      <View className='section'>
        <Text className='section-title'>工会动态</Text>
        {TIPS.map((t) => (
          <View key={t.title} className='home-tip'>
            <Text className='home-tip-title'>{t.title}</Text>
            <Text className='home-tip-body'>{t.body}</Text>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
