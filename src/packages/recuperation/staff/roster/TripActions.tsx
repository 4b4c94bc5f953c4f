import { call } from '../../../../api/client';
import { ActivityActions, type ActivityAct } from '../../../../components/enrollment/ActivityActions';
import { ROUTES } from '../../../../utils/nav';
import type { TripDetail } from '../../types';

/** The staff actions on a trip, each confirmed first. Test ids `recuperation-act-<act>`. */
export function TripActions({ trip, onChanged }: { trip: TripDetail; onChanged: () => void }) {
  const acts: Array<{ act: ActivityAct; label: string }> = [];
  if (trip.status === 'draft' || (trip.status === 'closed' && trip.phase !== 'finished' && new Date(trip.signupEnd) > new Date()))
    acts.push({ act: 'open', label: '开放报名' });
  if (trip.status === 'open' && trip.phase !== 'finished') acts.push({ act: 'close', label: '截止报名' });
  if (trip.mode === 'lottery' && trip.status === 'closed' && !trip.drawnAt) acts.push({ act: 'draw', label: '抽签' });
  if (trip.status !== 'draft') acts.push({ act: 'publish', label: trip.publicity ? '重新公示' : '发布公示' });
  return (
    <ActivityActions
      activityId={trip._id}
      p='rec'
      className='rec-trip-actions'
      editUrl={`${ROUTES.recuperationEdit}?id=${trip._id}`}
      acts={acts}
      setOpen={(open) => call(open ? 'recuperation.open' : 'recuperation.close', { activityId: trip._id })}
      openText='开放后会员即可在报名时间内报名。'
      onChanged={onChanged}
    />
  );
}
