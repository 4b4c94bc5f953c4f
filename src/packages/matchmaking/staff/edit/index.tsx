import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../../../../api/client';
import type { Org } from '../../../../api/types';
import { ActivityEditor } from '../../../../components/enrollment/editor/ActivityEditor';
import { ActivityEditorPage } from '../../../../components/enrollment/editor/ActivityEditorPage';
import { useActivityEditor } from '../../../../components/enrollment/editor/useActivityEditor';
import { ROUTES } from '../../../../utils/nav';
import { emptyForm, formOf, toSaveInput, type EventForm } from './form';
import { EventSections } from './EventSections';
import type { EventDetail, SaveEventInput } from '../../types';
import '../../matchmaking.scss';

/** Fields the event's form shows an error under (the server's names); others are explained in a dialog. */
const SHOWN = new Set([
  'title',
  'orgId',
  'place',
  'description',
  'fee',
  'signupStart',
  'signupEnd',
  'startAt',
  'endAt',
  'capacity',
  'seatsF',
  'ageMin',
  'ageMax',
  'pickLimit',
  'pickDays',
  'pickRule',
]);

/** Create or edit a 单身联谊 event (staff of the organising union): the activity editor with the event's sections. */
export default function EditEvent() {
  const { params } = useRouter();
  const id = params.id;
  return (
    <ActivityEditorPage
      className='mm-edit'
      page='matchmakingEdit'
      load={async () => (id ? (await call('matchmaking.get', { activityId: id })).event : null)}
    >
      {(orgs, event) => <Editor id={id} orgs={orgs} event={event} />}
    </ActivityEditorPage>
  );
}

function Editor({ id, orgs, event }: { id?: string; orgs: Org[]; event: EventDetail | null }) {
  const editor = useActivityEditor<EventForm, SaveEventInput>({
    initial: () => (event ? formOf(event) : emptyForm(orgs[0]?._id ?? '')),
    check: (form) => toSaveInput(form, id),
    send: (input) => call('matchmaking.save', input),
    // per-gender seats are the event's quotas
    fieldKey: (field) => {
      const key = field === 'quotas' ? 'seatsF' : field;
      return SHOWN.has(key) ? key : undefined;
    },
    leave: (savedId) =>
      id ? void Taro.navigateBack() : void Taro.redirectTo({ url: `${ROUTES.matchmakingRoster}?id=${savedId}` }),
  });
  const { form, set } = editor;
  return (
    <ActivityEditor
      area='matchmaking'
      words={{
        placeLabel: '地点',
        descriptionLabel: '活动介绍',
        feeLabel: '费用说明',
        startLabel: '开始',
        endLabel: '结束',
        saveText: '保存',
      }}
      form={form}
      set={set}
      errors={editor.errors}
      busy={editor.busy}
      onSave={editor.save}
      org={{ orgs, value: form.orgId, onChange: (v) => set('orgId', v) }}
    >
      <EventSections form={form} set={set} errors={editor.errors} />
    </ActivityEditor>
  );
}
