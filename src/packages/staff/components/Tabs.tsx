import { APPLICATION_STATUS_LABELS, APPLICATION_STATUSES } from '@rules/membership';
import type { ApplicationStatus } from '../../../api/types';
import './Tabs.scss';

/** The shared tab strip with its 工作台 classes (`.tabs`, `.tab-item`), styled by Tabs.scss. */
export { Tabs } from '../../../components/Tabs';

/** The review tabs shared by membership and transfer reviews (待审核 / 已通过 / 未通过). */
export const STATUS_TABS: { key: ApplicationStatus; label: string }[] = APPLICATION_STATUSES.map((key) => ({
  key,
  label: APPLICATION_STATUS_LABELS[key],
}));
