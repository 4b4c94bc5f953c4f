import { Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../../../../api/client';
import { ActivityEditor } from '../../../../components/enrollment/editor/ActivityEditor';
import { ActivityEditorPage } from '../../../../components/enrollment/editor/ActivityEditorPage';
import { editorInputs } from '../../../../components/enrollment/editor/editorInputs';
import { useActivityEditor } from '../../../../components/enrollment/editor/useActivityEditor';
import { ROUTES } from '../../../../utils/nav';
import type { EventDetail, EventSaveInput } from '../../types';
import { checkEvent, emptyForm, formOf, type EventForm } from './form';
import { EventRulesSections } from './EventRulesSections';
import { EventSeatsSection } from './EventSeatsSection';
import '../../competitions.scss';

const { Line } = editorInputs('competitions');
/** Fields the event's form shows an error under (the server's names → the form's keys); others go in a dialog. */
const SHOWN = new Set(['title', 'trade', 'place', 'description', 'fee', 'signupStart', 'signupEnd', 'startAt', 'endAt']);
const OWN: Record<string, string> = {
  capacity: 'capacity',
  unitCap: 'unitCap',
  minTradeYears: 'minTradeYears',
  weights: 'theory',
  teamSize: 'teamMin',
  prizes: 'prizes',
};

/** 编辑竞赛项目: a new event of a competition (`?competition=`), or an event (`?id=`), in the activity editor. */
export default function EditEvent() {
  const { params } = useRouter();
  const id = params.id ?? '';
  return (
    <ActivityEditorPage
      className='competitions-event-edit'
      page='competitionEventEdit'
      title={id ? '编辑竞赛项目' : '新增竞赛项目'}
      withOrgs={false}
      load={async () => (id ? (await call('competitions.event', { eventId: id })).event : null)}
    >
      {(_orgs, event) => {
        const competitionId = event?.competition.competitionId ?? params.competition ?? '';
        return competitionId ? (
          <Editor competitionId={competitionId} initial={event} />
        ) : (
          <Text className='activity-error'>请从竞赛页面进入新增项目</Text>
        );
      }}
    </ActivityEditorPage>
  );
}

function Editor({ competitionId, initial }: { competitionId: string; initial: EventDetail | null }) {
  const editor = useActivityEditor<EventForm, EventSaveInput>({
    initial: () => (initial ? formOf(initial) : emptyForm()),
    check: (form) => checkEvent(form, competitionId, initial?._id),
    send: (input) => call('competitions.saveEvent', input),
    fieldKey: (field) => {
      const head = field.split('.')[0];
      return SHOWN.has(head) ? head : OWN[head];
    },
    leave: (savedId) => void Taro.redirectTo({ url: `${ROUTES.competitionRegistrations}?id=${savedId}` }),
  });
  const { form, set, errors } = editor;
  const sections = { form, set, errors, open: !!initial && initial.status !== 'draft' };
  return (
    <ActivityEditor
      area='competitions'
      words={{
        titleLabel: '项目名称',
        titlePlaceholder: '如：焊工（市一级）',
        afterTitle: (
          <Line
            label='工种'
            name='trade'
            value={form.trade}
            onChange={(v) => set('trade', v)}
            error={errors.trade}
            placeholder='如：焊工'
          />
        ),
        placeLabel: '比赛地点',
        descriptionLabel: '项目说明',
        descriptionPlaceholder: '考核内容、成绩构成等',
        feeLabel: '费用说明',
        startLabel: '比赛开始',
        endLabel: '比赛结束',
        saveText: initial ? '保存修改' : '保存为草稿',
      }}
      form={form}
      set={set}
      errors={errors}
      busy={editor.busy}
      onSave={editor.save}
    >
      <EventSeatsSection {...sections} />
      <EventRulesSections {...sections} />
    </ActivityEditor>
  );
}
