import { View, Text } from '@tarojs/components';
import { PageShell } from '../../../components/PageShell';
import { LinkRow } from '../../../components/Row';
import { callHotline, useHotline } from '../../../utils/hotline';
import { ROUTES, go } from '../../../utils/nav';
import '../doc.scss';

/** 关于: what the mini-program is, who runs it, where to get help. */
export default function About() {
  const hotline = useHotline();
  return (
    <PageShell className='doc-page about' page='about' testId='about-about'>
      <View className='section'>
        <Text className='doc-title' data-testid='about-doc-title'>
          工会会员服务
        </Text>
        <Text className='doc-version'>职工身边的“网上工会”</Text>
        <Text className='doc-paragraph'>
          本小程序由工会为职工会员提供：在线实名入会、电子工会卡、会员转会、工会动态，以及陆续开放的法律援助、疗休养、技能竞赛、单身联谊和普惠商户服务。
        </Text>
        <Text className='doc-paragraph'>
          快递员、外卖配送员、网约车司机、货车司机等新就业形态劳动者，可选择“新就业形态劳动者”方式，就近加入区域或行业工会。
        </Text>
      </View>
      <View className='section'>
        <LinkRow label='职工服务热线' value={hotline} className='about-hotline' onClick={callHotline} />
        <LinkRow label='隐私政策' onClick={() => go(ROUTES.privacy)} />
        <LinkRow label='用户协议' onClick={() => go(ROUTES.terms)} />
      </View>
    </PageShell>
  );
}
