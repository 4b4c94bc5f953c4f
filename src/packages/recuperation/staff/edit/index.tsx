import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../../../../api/client';
import type { Org } from '../../../../api/types';
import { ActivityEditor } from '../../../../components/enrollment/editor/ActivityEditor';
import { ActivityEditorPage } from '../../../../components/enrollment/editor/ActivityEditorPage';
import { editorInputs } from '../../../../components/enrollment/editor/editorInputs';
import { useActivityEditor } from '../../../../components/enrollment/editor/useActivityEditor';
import { ROUTES } from '../../../../utils/nav';
import { emptyForm, formOf, toSaveInput, type TripForm } from './form';
import { TripRulesSections } from './TripRulesSections';
import { TripSeatsSection } from './TripSeatsSection';
import type { SaveInput, TripDetail } from '../../types';
import '../../recuperation.scss';

const { Line } = editorInputs('recuperation');
/** Fields the trip's form shows an error under (the server's names); others are explained in a dialog. */
const SHOWN = new Set(['title', 'orgId', 'base', 'place', 'description', 'fee', 'capacity', 'quotas', 'claimHours']);
const DATES = new Set(['signupStart', 'signupEnd', 'startAt', 'endAt']);

/** Create or edit a 疗休养 trip (staff of the organising union): the activity editor with the trip's own sections. */
export default function EditTrip() {
  const { params } = useRouter();
  const id = params.id;
  return (
    <ActivityEditorPage
      className='rec-edit'
      page='recuperationEdit'
      load={async () => (id ? (await call('recuperation.get', { activityId: id })).trip : null)}
    >
      {(orgs, trip) => <Editor id={id} orgs={orgs} trip={trip} />}
    </ActivityEditorPage>
  );
}

function Editor({ id, orgs, trip }: { id?: string; orgs: Org[]; trip: TripDetail | null }) {
  const editor = useActivityEditor<TripForm, SaveInput>({
    initial: () => (trip ? formOf(trip) : emptyForm(orgs[0]?._id ?? '')),
    check: (form) => toSaveInput(form, id),
    send: (input) => call('recuperation.save', input),
    fieldKey: (field) => (SHOWN.has(field) || DATES.has(field) ? field : undefined),
    leave: (savedId) =>
      id ? void Taro.navigateBack() : void Taro.redirectTo({ url: `${ROUTES.recuperationRoster}?id=${savedId}` }),
  });
  const { form, set, errors } = editor;
  const sections = { form, set, patch: editor.patch, errors, orgs, locked: !!trip && trip.status !== 'draft' };
  return (
    <ActivityEditor
      area='recuperation'
      words={{
        afterTitle: (
          <Line label='疗休养基地' name='base' value={form.base} error={errors.base} onChange={(v) => set('base', v)} />
        ),
        placeLabel: '地点',
        descriptionLabel: '活动介绍',
        feeLabel: '费用或补助说明',
        startLabel: '出发',
        endLabel: '返程',
        saveText: id ? '保存修改' : '保存为草稿',
      }}
      form={form}
      set={set}
      errors={errors}
      busy={editor.busy}
      onSave={editor.save}
      org={{ orgs, value: form.orgId, onChange: (v) => set('orgId', v) }}
    >
      <TripSeatsSection {...sections} />
      <TripRulesSections {...sections} />
    </ActivityEditor>
  );
}
