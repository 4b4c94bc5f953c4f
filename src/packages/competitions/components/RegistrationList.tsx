import { useState } from 'react';
import { Image, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call, errorMessage } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { dayTime, UNIT_TEXT, statusTone } from '../format';
import type { RegistrationDetail, RegistrationRow } from '../types';

export type Decision = 'confirm' | 'decline' | 'approve' | 'reject';
const ASK: Record<Decision, { title: (n: number) => string; ok: string; reason?: string }> = {
  confirm: { title: (n) => `确认推荐所选 ${n} 条报名？`, ok: '确认推荐' },
  decline: { title: (n) => `所选 ${n} 条不予推荐？`, ok: '不予推荐', reason: '不予推荐的原因（职工将看到）' },
  approve: { title: (n) => `审核通过所选 ${n} 条报名？`, ok: '审核通过' },
  reject: { title: (n) => `所选 ${n} 条不予通过？`, ok: '不予通过', reason: '未通过的原因（职工将看到）' },
};

interface Props {
  rows: RegistrationRow[];
  /** Which rows may be ticked, and the two decisions offered for them. */
  selectable: (r: RegistrationRow) => boolean;
  decisions: [Decision, Decision] | null;
  showEvent?: boolean;
  onChanged: () => void;
}

/**
 * Registrations as staff see them, ticked and decided in bulk (单位推荐 or the organiser's review, each
 * confirmed first; a refusal needs a reason), and opened for details with certificate photos (audited).
 * e2e hooks: `.cmp-reg` (name inside), `.cmp-reg-select`, `.cmp-decide-<decision>`, `.cmp-decide-dialog`.
 */
export function RegistrationList({ rows, selectable, decisions, showEvent, onChanged }: Props) {
  const [selected, setSelected] = useState<string[]>([]);
  const [ask, setAsk] = useState<Decision | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [detail, setDetail] = useState<RegistrationDetail | null>(null);

  const open = async (r: RegistrationRow) => {
    try {
      setDetail(await call('competitions.registration', { enrollmentId: r._id }));
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' });
    }
  };
  const decide = async () => {
    if (!ask || busy) return;
    const needsReason = !!ASK[ask].reason;
    if (needsReason && !reason.trim()) return setReasonError('请填写原因，职工将看到该原因');
    const byEvent = new Map<string, string[]>();
    for (const id of selected) {
      const row = rows.find((r) => r._id === id);
      if (row) byEvent.set(row.eventId, [...(byEvent.get(row.eventId) ?? []), id]);
    }
    setBusy(true);
    const failed: string[] = [];
    let done = 0;
    try {
      for (const [activityId, enrollmentIds] of byEvent) {
        const r =
          ask === 'confirm' || ask === 'decline'
            ? await call('enrollment.unitConfirm', {
                activityId,
                enrollmentIds,
                decision: ask,
                ...(needsReason ? { reason: reason.trim() } : {}),
              })
            : await call('enrollment.review', {
                activityId,
                enrollmentIds,
                decision: ask,
                ...(needsReason ? { reason: reason.trim() } : {}),
              });
        done += r.done.length;
        failed.push(...r.failed.map((f) => `${f.name || '该报名'}：${f.message}`));
      }
      setAsk(null);
      setReason('');
      setSelected([]);
      if (failed.length) void Taro.showModal({ title: `${done} 条已处理`, content: failed.join('\n'), showCancel: false });
      else void Taro.showToast({ title: `已处理 ${done} 条`, icon: 'success' });
    } catch (e) {
      setAsk(null);
      void Taro.showModal({ title: '未能处理', content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(false);
      onChanged();
    }
  };

  return (
    <View>
      {rows.map((r) => {
        const pick = selectable(r);
        const on = selected.includes(r._id);
        return (
          <View key={r._id} className='cmp-card cmp-reg'>
            <View className='cmp-head'>
              <Text
                className='cmp-reg-name'
                onClick={() => pick && setSelected(on ? selected.filter((s) => s !== r._id) : [...selected, r._id])}
              >
                {pick && <Text className={`cmp-select cmp-reg-select ${on ? 'cmp-select-on' : ''}`}>{on ? '☑' : '☐'} </Text>}
                {r.team ? `${r.team.name}（队长 ${r.name}）` : r.name}
              </Text>
              <Text className={`tag tag-${statusTone(r.status)}`}>
                {r.statusText}
                {r.position ? ` 第${r.position}位` : ''}
              </Text>
            </View>
            {showEvent && r.eventTitle && <Text className='cmp-card-line cmp-strong'>{r.eventTitle}</Text>}
            <Text className='cmp-card-line'>
              {r.orgName} · {r.cardNo}
            </Text>
            <Text className='cmp-card-line muted'>
              {r.unitStatus ? UNIT_TEXT[r.unitStatus] : '无需单位推荐'} · 报名 {dayTime(r.createdAt)}
            </Text>
            {r.declaration && (
              <Text className='cmp-card-line muted'>
                本工种 {r.declaration.tradeYears} 年 · {r.declaration.certLabel}
                {r.declaration.certPhoto ? ' · 已传证书' : ''}
              </Text>
            )}
            {r.team && (
              <Text className='cmp-card-line muted'>
                队员（{r.team.size}人）：{[r.name, ...r.team.members].join('、')}
              </Text>
            )}
            {r.score && (
              <Text className='cmp-card-line'>
                成绩：
                {r.score.absent
                  ? '缺考'
                  : `理论 ${r.score.theory ?? '—'} · 实操 ${r.score.practical ?? '—'} · 总 ${r.score.total ?? '—'}`}
              </Text>
            )}
            {r.rejectReason && <Text className='cmp-card-line cmp-warn'>原因：{r.rejectReason}</Text>}
            <Text className='cmp-small-action cmp-reg-open' onClick={() => void open(r)}>
              查看报名信息与证书 ›
            </Text>
          </View>
        );
      })}
      {decisions && selected.length > 0 && (
        <View className='cmp-bar cmp-actions'>
          <Button
            kind='plain'
            className={`cmp-decide-${decisions[1]}`}
            disabled={busy}
            onClick={() => (setReasonError(null), setAsk(decisions[1]))}
          >
            {ASK[decisions[1]].ok}（{selected.length}）
          </Button>
          <Button className={`cmp-decide-${decisions[0]}`} loading={busy} onClick={() => setAsk(decisions[0])}>
            {ASK[decisions[0]].ok}（{selected.length}）
          </Button>
        </View>
      )}
      <ConfirmDialog
        visible={!!ask}
        title={ask ? ASK[ask].title(selected.length) : ''}
        confirmText={ask ? ASK[ask].ok : '确定'}
        className='cmp-decide-dialog'
        busy={busy}
        onConfirm={() => void decide()}
        onCancel={() => setAsk(null)}
      >
        {ask && ASK[ask].reason ? (
          <View>
            <Textarea
              className='cmp-input cmp-textarea cmp-decide-reason'
              value={reason}
              maxlength={200}
              placeholder={ASK[ask].reason}
              onInput={(e) => setReason(e.detail.value)}
            />
            {reasonError && <Text className='cmp-field-error'>{reasonError}</Text>}
          </View>
        ) : (
          <Text>{ask === 'confirm' ? '确认后交组织单位审核，职工将收到通知。' : '通过后参赛资格确定，职工将收到通知。'}</Text>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        visible={!!detail}
        title={detail ? `${detail.name}的报名信息` : ''}
        hideCancel
        confirmText='关闭'
        className='cmp-detail-dialog'
        onConfirm={() => setDetail(null)}
      >
        {detail && (
          <View className='cmp-reg-detail'>
            <Text className='cmp-line'>
              {detail.orgName} · 本工种 {detail.declaration?.tradeYears ?? '—'} 年 · {detail.declaration?.certLabel ?? '—'}
            </Text>
            {detail.certPhotoUrl ? (
              <Image className='cmp-cert-image' src={detail.certPhotoUrl} mode='aspectFit' />
            ) : (
              <Text className='cmp-line muted'>未上传证书照片</Text>
            )}
            {detail.teammates.map((m) => (
              <Text key={m.name} className='cmp-line'>
                队员 {m.name}：本工种 {m.declaration?.tradeYears ?? '—'} 年 · {m.declaration?.certLabel ?? '—'}
                {m.certPhotoUrl ? '（证书已上传）' : ''}
              </Text>
            ))}
          </View>
        )}
      </ConfirmDialog>
    </View>
  );
}
