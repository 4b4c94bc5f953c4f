import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import type { Place } from './placeForm';
import { OfferForm } from './OfferForm';
import type { PlaceEditState } from './usePlaceEdit';

/** A merchant's offers: each with its state, 编辑 (the offer form in its place) and 暂停/恢复; then 新增优惠. */
export function OfferList({ edit, place }: { edit: PlaceEditState; place: Place }) {
  const { act, editingOffer, setEditingOffer } = edit;
  const form = (offer?: Place['offers'][number]) => (
    <OfferForm
      key={offer?._id ?? 'new'}
      offer={offer}
      busy={act.busy}
      errors={act.fieldErrors}
      onEdit={act.clearField}
      onSave={edit.saveOffer}
      onCancel={() => setEditingOffer(null)}
    />
  );
  return (
    <View className='section'>
      <Text className='section-title'>优惠</Text>
      {place.offers.map((o) =>
        editingOffer === o._id ? (
          form(o)
        ) : (
          <View key={o._id} className='m-item edit-offer' data-testid='merchants-edit-offer'>
            <View className='m-item-main'>
              <Text className='m-item-title' data-testid='merchants-edit-offer-title'>
                {o.title}
              </Text>
              <Text className='muted'>
                {o.limitText} · {o.validFrom} 至 {o.validTo}
              </Text>
              <Text className={`m-tag ${o.status === 'active' ? 'm-tag-green' : 'm-tag-red'}`}>
                {o.status === 'active' ? (o.current ? '进行中' : '未在有效期') : '已暂停'}
              </Text>
            </View>
            <Button
              small
              kind='plain'
              className='edit-offer-edit'
              testId='merchants-edit-offer-edit'
              onClick={() => setEditingOffer(o._id)}
            >
              编辑
            </Button>
            <Button
              small
              kind='quiet'
              className='edit-offer-status'
              testId='merchants-edit-offer-status'
              disabled={act.busy}
              onClick={() => edit.toggle(o.status === 'active' ? 'suspended' : 'active', o._id)}
            >
              {o.status === 'active' ? '暂停' : '恢复'}
            </Button>
          </View>
        ),
      )}
      {editingOffer === 'new' ? (
        form()
      ) : (
        <Button
          block
          kind='plain'
          className='edit-add-offer'
          testId='merchants-edit-add-offer'
          onClick={() => setEditingOffer('new')}
        >
          新增优惠
        </Button>
      )}
    </View>
  );
}
