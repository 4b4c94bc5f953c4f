import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../../../../api/client';
import { Button } from '../../../../components/Button';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { PageShell } from '../../../../components/PageShell';
import { StateView } from '../../../../components/StateView';
import { useAction } from '../../../../hooks/useAction';
import { useRemote } from '../../../../hooks/useRemote';
import { ROUTES, go } from '../../../../utils/nav';
import { openExport } from '../../../../utils/openExport';
import { Objections } from './Objections';
import { ScoresHead, type Act } from './ScoresHead';
import { edited, ScoreRow, scoresToSave, type Edit, type Row } from './ScoreRow';
import '../../competitions.scss';
import './index.scss';

/**
 * 成绩管理 of one event (the organiser): scores per entrant (理论, 实操, 缺考), the ranking as it stands (ties
 * share a rank), publishing the 公示, objections, and making results final; export. The state and its buttons are
 * ScoresHead. Test ids `competitions-score-row` (name inside; `-theory`, `-practical` inputs),
 * `competitions-save-scores`, `competitions-act-confirm`.
 */
export default function Scores() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const ranking = useRemote(() => call('competitions.ranking', { eventId: id }), { refreshOnShow: true });
  const event = useRemote(() => call('competitions.event', { eventId: id }));
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const saving = useAction();
  const error = saving.fieldErrors.scores;
  const [ask, setAsk] = useState<Act | null>(null);
  const acting = useAction();
  const busy = acting.busy;
  const r = ranking.data;
  const ev = event.data?.event;
  // Before the event has taken place nothing can be entered or published (the server refuses it too).
  const draft = r?.status === 'draft' && !r.notYet;
  const changed = Object.keys(edits);

  const save = () => {
    if (saving.busy || !changed.length) return;
    const scores = scoresToSave(edits);
    if (!scores) return saving.setFieldErrors({ scores: '成绩为0至100，最多一位小数' });
    const work = async () => {
      const failed: string[] = [];
      for (let i = 0; i < scores.length; i += 50) {
        const res = await call('competitions.enterScores', { eventId: id, scores: scores.slice(i, i + 50) });
        failed.push(...res.failed.map((f) => `${f.name}：${f.message}`));
      }
      return failed;
    };
    void saving.run(work, {
      failTitle: '未能保存成绩',
      onDone: (failed) => {
        setEdits({});
        if (failed.length) void Taro.showModal({ title: '部分未保存', content: failed.join('\n'), showCancel: false });
        else void Taro.showToast({ title: '成绩已保存', icon: 'success' });
        ranking.reload();
      },
    });
  };

  const work = async (act: Act | 'export') => {
    if (act === 'publish') await call('competitions.publishResults', { eventId: id });
    if (act === 'finalize') await call('competitions.finalizeResults', { eventId: id });
    if (act === 'export' && ev) {
      const file = await call('competitions.exportResults', { competitionId: ev.competition.competitionId, eventId: id });
      await openExport(file.url, file.fileName);
    }
  };
  const run = (act: Act | 'export') => {
    const done = () => {
      setAsk(null);
      ranking.reload();
    };
    void acting.run(() => work(act), { success: act === 'export' ? '已导出' : '已完成', onDone: done, onFail: done });
  };

  const edit = (row: Row, change: Partial<Edit>) => {
    setEdits((all) => ({ ...all, [row.enrollmentId]: { ...(all[row.enrollmentId] ?? edited(row)), ...change } }));
    saving.clearField('scores');
  };

  return (
    <PageShell className='competitions-scores' page='competitionScores'>
      <StateView remote={ranking} loading={ranking.loading && !r}>
        {r && (
          <View>
            <ScoresHead
              r={r}
              ev={ev}
              draft={draft}
              unsaved={changed.length}
              exporting={busy && !ask}
              onAsk={setAsk}
              onExport={() => void run('export')}
              onViewResults={() => go(`${ROUTES.competitionResults}?id=${id}`)}
            />
            {r.status === 'publicity' && <Objections eventId={id} onChanged={ranking.reload} />}
            <View className='section'>
              {r.rows.length === 0 && <Text className='muted'>暂无审核通过的参赛者</Text>}
              {r.rows.map((row) => {
                return (
                  <ScoreRow
                    key={row.enrollmentId}
                    row={row}
                    value={edits[row.enrollmentId] ?? edited(row)}
                    draft={draft}
                    shown={r.status !== 'draft'}
                    onEdit={(change) => edit(row, change)}
                  />
                );
              })}
            </View>
            {error && (
              <Text className='competitions-error' data-testid='competitions-scores-error'>
                {error}
              </Text>
            )}
            {draft && changed.length > 0 && (
              <View className='competitions-bar'>
                <Button
                  block
                  className='competitions-save-scores'
                  testId='competitions-save-scores'
                  loading={saving.busy}
                  loadingText='保存中…'
                  onClick={save}
                >
                  保存成绩（{changed.length}）
                </Button>
              </View>
            )}
          </View>
        )}
      </StateView>
      <ConfirmDialog
        visible={!!ask}
        title={ask === 'publish' ? '发布成绩公示？' : '确定最终成绩？'}
        className='competitions-act-dialog'
        busy={busy}
        onConfirm={() => ask && run(ask)}
        onCancel={() => setAsk(null)}
      >
        <Text data-testid='competitions-act-confirm'>
          {ask === 'publish'
            ? `成绩与名次（姓名部分隐藏）将向职工公示${ev?.publicityDays ?? 5}天，公示期内可提出异议；发布后成绩只能经异议更正。`
            : '确定后成绩不再更改，获奖情况将记入获奖职工的个人荣誉，并通知全部参赛者。'}
        </Text>
      </ConfirmDialog>
    </PageShell>
  );
}
