import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { PageShell } from '../../../components/PageShell';
import { PagedList } from '../../../components/PagedList';
import { Row } from '../../../components/Row';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { formatDateTime } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import './index.scss';

/**
 * 职工建言 for the member: report a safety hazard (隐患随手拍) or submit a suggestion (合理化建议), then follow each
 * of their reports. Test ids: `voice-new-hazard`, `voice-new-suggestion`, `voice-item`, `voice-item-status`.
 */
export default function MyVoice() {
  const list = usePagedRemote((page) => call('voice.mine', { page }), { refreshOnShow: true });
  return (
    <PageShell className='vc-mine' page='voiceMine'>
      <View className='vc-card'>
        <Text className='muted'>
          发现安全隐患，拍下来告诉工会；对生产、管理有好的想法，提一条合理化建议。可以选择向单位匿名，所在工会负责受理、转交单位并答复您。
        </Text>
        <View className='vc-actions'>
          <Button testId='voice-new-hazard' onClick={() => go(`${ROUTES.voiceReport}?kind=hazard`)}>
            隐患随手拍
          </Button>
          <Button kind='plain' testId='voice-new-suggestion' onClick={() => go(`${ROUTES.voiceReport}?kind=suggestion`)}>
            提合理化建议
          </Button>
        </View>
      </View>
      <PagedList list={list} emptyText='您还没有提交过建言。'>
        {(r) => (
          <View
            key={r.reportId}
            className='vc-card'
            data-testid='voice-item'
            onClick={() => go(`${ROUTES.voiceDetail}?id=${encodeURIComponent(r.reportId)}`)}
          >
            <Text className='vc-title'>
              {r.kindText} · <Text data-testid='voice-item-status'>{r.statusText}</Text>
              {r.adopted && <Text className='vc-badge'>已采纳</Text>}
              {r.recognised && <Text className='vc-badge'>优秀合理化建议</Text>}
            </Text>
            <Row label='内容'>{r.title}</Row>
            {r.urgencyText && <Row label='紧急程度'>{r.urgencyText}</Row>}
            <Row label='提交时间'>{formatDateTime(r.submittedAt)}</Row>
            <Row label='向单位'>{r.anonymous ? '匿名' : '实名'}</Row>
          </View>
        )}
      </PagedList>
    </PageShell>
  );
}
