import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { useAction } from '../../../hooks/useAction';
import { Stars } from '../components/Stars';
import type { BookingDetail } from '../types';

/** 服务评价 of a completed booking: the member's rating once given, else stars and a comment to send. */
export function Rating({ booking, onRated }: { booking: BookingDetail; onRated: () => void }) {
  const act = useAction();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');

  const rate = () => {
    if (!stars) return void Taro.showToast({ title: '请先选择星级', icon: 'none' });
    const input = { bookingId: booking._id, stars, ...(comment.trim() ? { comment: comment.trim() } : {}) };
    void act.run(() => call('legalAid.rate', input), {
      success: '感谢您的评价',
      failTitle: '评价未成功',
      fieldKey: (f) => (f === 'comment' ? 'comment' : undefined),
      onDone: onRated,
    });
  };

  return (
    <View className='section'>
      <Text className='section-title'>服务评价</Text>
      {booking.rating ? (
        <View className='la-rating' data-testid='legal-aid-rating'>
          <Stars value={booking.rating.stars} />
          {booking.rating.comment && <Text className='la-line'>{booking.rating.comment}</Text>}
        </View>
      ) : (
        <View>
          <Stars value={stars} onChange={setStars} />
          <Textarea
            className='la-textarea la-rate-comment'
            data-testid='legal-aid-rate-comment'
            style={{ minHeight: '140px', marginTop: '16px' }}
            value={comment}
            maxlength={200}
            placeholder='说说您的感受（选填）'
            onInput={(e) => {
              setComment(e.detail.value);
              act.clearField('comment');
            }}
          />
          {act.fieldErrors.comment && <Text className='la-error'>{act.fieldErrors.comment}</Text>}
          <Button className='la-rate-submit' testId='legal-aid-rate-submit' loading={act.busy} onClick={rate}>
            提交评价
          </Button>
        </View>
      )}
    </View>
  );
}
