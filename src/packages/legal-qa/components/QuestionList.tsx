import { Text, View } from '@tarojs/components';
import { PagedList } from '../../../components/PagedList';
import { Row } from '../../../components/Row';
import type { PagedRemoteState } from '../../../hooks/usePagedRemote';
import { formatDateTime } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { withQuery } from '../query';
import type { QuestionRow } from '../types';

/** Questions as lawyers and staff see them in lists: masked (匿名 or 周*新, the employer hidden), lateness shown. */
export function QuestionList({ list, emptyText }: { list: PagedRemoteState<QuestionRow>; emptyText: string }) {
  return (
    <PagedList list={list} emptyText={emptyText}>
      {(q) => (
        <View
          key={q.questionId}
          className='lq-card'
          data-testid='legal-qa-row'
          onClick={() => go(withQuery(ROUTES.legalQaThread, { id: q.questionId }))}
        >
          <Text className='lq-title'>
            {q.typeText} · <Text className={`tag tag-${q.status}`}>{q.statusText}</Text>
          </Text>
          <Row label='咨询人'>{q.asker ?? ''}</Row>
          <Row label='用人单位'>{q.employerMasked}</Row>
          <Row label='援助站'>{q.stationName}</Row>
          <Row label='提交时间'>{formatDateTime(q.askedAt)}</Row>
          {q.status === 'waiting' &&
            (q.overdueHours ? (
              <Text className='lq-overdue' data-testid='legal-qa-overdue'>
                已超时 {q.overdueHours} 小时
              </Text>
            ) : (
              <Row label='应答复'>{`${formatDateTime(q.dueAt)} 前`}</Row>
            ))}
        </View>
      )}
    </PagedList>
  );
}
