import { call } from '../../../../api/client';
import { ActivityActions, type ActivityAct } from '../../../../components/enrollment/ActivityActions';
import { ROUTES } from '../../../../utils/nav';
import type { EventDetail } from '../../types';

/** The organiser's actions on an event, each confirmed first. Test ids `matchmaking-act-<act>`. */
export function EventActions({ event, onChanged }: { event: EventDetail; onChanged: () => void }) {
  const acts: Array<{ act: ActivityAct; label: string }> = [];
  if (event.status === 'draft' || (event.status === 'closed' && new Date(event.signupEnd) > new Date()))
    acts.push({ act: 'open', label: '开放报名' });
  if (event.status === 'open' && event.phase !== 'finished') acts.push({ act: 'close', label: '截止报名' });
  return (
    <ActivityActions
      activityId={event._id}
      p='mm'
      className='mm-event-actions'
      editUrl={event.phase !== 'finished' ? `${ROUTES.matchmakingEdit}?id=${event._id}` : undefined}
      acts={acts}
      setOpen={(open) => call(open ? 'matchmaking.open' : 'matchmaking.close', { activityId: event._id })}
      openText='开放后，符合条件且填写了交友资料的会员即可在报名时间内报名。'
      onChanged={onChanged}
    />
  );
}
