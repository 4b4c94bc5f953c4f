import { Text, View } from '@tarojs/components';
import { OverdueTag } from '../../../components/OverdueTag';
import { dayTime, UNIT_TEXT, statusTone } from '../format';
import type { RegistrationRow } from '../types';

/** One registration as staff see it (tick it by its name when it may be decided). */
export function RegistrationCard({
  r,
  pick,
  on,
  showEvent,
  onToggle,
  onOpen,
}: {
  r: RegistrationRow;
  /** It may be ticked. */
  pick: boolean;
  on: boolean;
  showEvent?: boolean;
  onToggle: () => void;
  onOpen: () => void;
}) {
  return (
    <View className='competitions-card competitions-reg' data-testid='competitions-reg'>
      <View className='competitions-head'>
        <Text className='competitions-reg-name' onClick={() => pick && onToggle()}>
          {pick && (
            <Text
              className={`competitions-select competitions-reg-select ${on ? 'competitions-select-on' : ''}`}
              data-testid='competitions-reg-select'
              data-on={on ? 'yes' : 'no'}
            >
              {on ? '☑' : '☐'}{' '}
            </Text>
          )}
          {r.team ? `${r.team.name}（队长 ${r.name}）` : r.name}
        </Text>
        <Text className={`tag tag-${statusTone(r.status)}`}>
          {r.statusText}
          {r.position ? ` 第${r.position}位` : ''}
        </Text>
        <OverdueTag days={r.overdueDays} />
      </View>
      {showEvent && r.eventTitle && <Text className='competitions-card-line competitions-strong'>{r.eventTitle}</Text>}
      <Text className='competitions-card-line'>
        {r.orgName} · {r.cardNo}
      </Text>
      <Text className='competitions-card-line muted'>
        {r.unitStatus ? UNIT_TEXT[r.unitStatus] : '无需单位推荐'} · 报名 {dayTime(r.createdAt)}
      </Text>
      {r.declaration && (
        <Text className='competitions-card-line muted'>
          本工种 {r.declaration.tradeYears} 年 · {r.declaration.certLabel}
          {r.declaration.certPhoto ? ' · 已传证书' : ''}
        </Text>
      )}
      {r.team && (
        <Text className='competitions-card-line muted'>
          队员（{r.team.size}人）：{[r.name, ...r.team.members].join('、')}
        </Text>
      )}
      {r.score && (
        <Text className='competitions-card-line'>
          成绩：
          {r.score.absent
            ? '缺考'
            : `理论 ${r.score.theory ?? '—'} · 实操 ${r.score.practical ?? '—'} · 总 ${r.score.total ?? '—'}`}
        </Text>
      )}
      {r.rejectReason && <Text className='competitions-card-line competitions-warn'>原因：{r.rejectReason}</Text>}
      <Text className='competitions-small-action competitions-reg-open' onClick={onOpen}>
        查看报名信息与证书 ›
      </Text>
    </View>
  );
}
