import { Text } from '@tarojs/components';
import { useState } from 'react';
import type { Org } from '../../../api/types';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { OrgPicker } from '../../../components/OrgPicker/OrgPicker';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { OfferList } from './OfferList';
import { PlaceFields } from './PlaceFields';
import { usePlaceEdit } from './usePlaceEdit';
import '../merchants.scss';
import './index.scss';

/**
 * Creating or editing a place and its offers (staff of the managing union). The form keeps what was typed when a
 * save is refused, and the refusal shows under the field it is about (else in one dialog). The managing union
 * (管理单位) is picked in the staffer's subtree. State and actions: `usePlaceEdit`.
 * Test ids: `merchants-edit-<field>`, `merchants-edit-save`, `merchants-edit-offer`, `merchants-edit-suspend`.
 */
export default function PlaceEdit() {
  const edit = usePlaceEdit();
  const [pickingOrg, setPickingOrg] = useState(false);
  const { place, suspending } = edit;

  return (
    <PageShell className='place-edit' page='placeEdit' title={edit.placeId ? undefined : '新增商户或驿站'}>
      <StateView loading={edit.loading} error={edit.loadError} onRetry={edit.reload}>
        <PlaceFields edit={edit} onPickOrg={() => setPickingOrg(true)} />
        {place?.kind === 'merchant' && <OfferList edit={edit} place={place} />}
      </StateView>
      {pickingOrg && (
        <OrgPicker
          orgs={edit.managing.orgs}
          filter={{ purpose: 'any', within: edit.managing.within }}
          title='选择管理单位'
          onClose={() => setPickingOrg(false)}
          onSelect={(o: Org) => {
            edit.pickOrg({ id: o._id, name: o.name });
            setPickingOrg(false);
          }}
        />
      )}
      <ConfirmDialog
        visible={!!suspending}
        title={`暂停${suspending?.what ?? ''}`}
        confirmText='暂停'
        busy={edit.act.busy}
        className='edit-suspend-confirm'
        testId='merchants-edit-suspend'
        onConfirm={() => void edit.setStatus('suspended', suspending?.offerId)}
        onCancel={edit.cancelSuspend}
      >
        <Text>暂停后会员将看不到{suspending?.what}，店员也不能核销；之后可随时恢复。</Text>
      </ConfirmDialog>
    </PageShell>
  );
}
