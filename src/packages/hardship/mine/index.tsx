import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { formatDate, formatDateTime } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import './index.scss';

/**
 * 困难帮扶 for the member: their 困难职工档案 (level, re-check date, help received), their applications with each
 * step, and the way to apply. Test ids: `hardship-file`, `hardship-help`, `hardship-case`, `hardship-step`,
 * `hardship-apply`.
 */
export default function MyHardship() {
  const mine = useRemote(() => call('hardship.mine', {}), { refreshOnShow: true });
  const data = mine.data;
  const open = data?.cases.some((c) => c.status === 'submitted' || c.status === 'visited');
  const canApply = !!data && !open && data.file?.status !== 'active';
  const empty = !!data && !data.file && data.cases.length === 0;
  return (
    <PageShell className='hs-mine' page='hardshipMine'>
      <StateView
        remote={mine}
        empty={empty}
        emptyText='家庭遇到大病、意外、失业、子女上学等困难，可以向工会申请帮扶。工会会入户了解情况，全程在这里查看进度。'
        emptyAction={
          <Button testId='hardship-apply' onClick={() => go(ROUTES.hardshipApply)}>
            申请困难帮扶
          </Button>
        }
      >
        {data?.file && (
          <View className='hs-card' data-testid='hardship-file'>
            <Text className='hs-title'>困难职工档案</Text>
            <Row label='困难类别'>{data.file.levelText}</Row>
            <Row label='档案状态'>{data.file.statusText}</Row>
            <Row label='建档日期'>{formatDate(data.file.since)}</Row>
            {data.file.status === 'active' && <Row label='下次复核'>{formatDate(data.file.recheckDue)}</Row>}
            <Row label='已获帮扶'>
              {data.file.helpCount} 次{data.file.helpTotal ? `，资金 ${data.file.helpTotal} 元` : ''}
            </Row>
            {data.file.status === 'lapsed' && <Text className='muted'>档案未按期复核已暂停，请联系所在工会办理年度复核。</Text>}
          </View>
        )}
        {!!data?.help.length && (
          <View className='hs-card'>
            <Text className='hs-title'>帮扶记录</Text>
            {data.help.map((h) => (
              <Row key={h.helpId} label={`${h.date} ${h.kindText}`} valueTestId='hardship-help'>
                {h.amount ? `${h.amount} 元` : ''} {h.note}
              </Row>
            ))}
          </View>
        )}
        {data?.cases.map((c) => (
          <View key={c.caseId} className='hs-card' data-testid='hardship-case'>
            <Text className='hs-title'>
              困难帮扶申请 · <Text className={`tag tag-${c.status}`}>{c.statusText}</Text>
            </Text>
            <Row label='提交时间'>{formatDateTime(c.submittedAt)}</Row>
            <Row label='致困原因'>{c.causes.join('、')}</Row>
            {c.steps.map((s) => (
              <Text key={s.at + s.text} className='hs-step' data-testid='hardship-step'>
                {formatDateTime(s.at)} {s.text}
              </Text>
            ))}
          </View>
        ))}
        {canApply && !empty && (
          <View className='hs-card'>
            <Button block testId='hardship-apply' onClick={() => go(ROUTES.hardshipApply)}>
              申请困难帮扶
            </Button>
          </View>
        )}
      </StateView>
      {data && (
        <View className='hs-card'>
          <Text className='muted'>区（县）总工会认定的困难职工家庭会公示（姓名已隐去），如有异议可在公示期内提出。</Text>
          <Button block kind='plain' testId='hardship-publicities' onClick={() => go(ROUTES.hardshipPublicity)}>
            困难职工公示
          </Button>
        </View>
      )}
    </PageShell>
  );
}
