import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { useAction } from '../../../hooks/useAction';
import type { ThreadView } from '../types';
// The stars are drawn as the shared choice pills (every star up to the rating is on).
import '../../../components/Choices.scss';

/** 1–5 stars and a comment, once. Test ids `legal-qa-star-<n>`, `legal-qa-comment`, `legal-qa-rate`, `legal-qa-rating`. */
export function RateAnswer({ thread, onRated }: { thread: ThreadView; onRated: () => void }) {
  const act = useAction();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  if (thread.rating) {
    return (
      <View className='lq-card' data-testid='legal-qa-rating'>
        <Text className='lq-title'>我的评价</Text>
        <Text>{'★'.repeat(thread.rating.stars)}</Text>
        {thread.rating.comment && <Text className='muted'> {thread.rating.comment}</Text>}
      </View>
    );
  }
  const rate = () =>
    act.run(() => call('legalQa.rate', { questionId: thread.questionId, stars, comment: comment.trim() }), {
      success: '谢谢评价',
      failTitle: '未能评价',
      fieldKey: (f) => (f === 'stars' || f === 'comment' ? f : undefined),
      onDone: onRated,
    });
  return (
    <View className='lq-card'>
      <Text className='lq-title'>评价律师的答复</Text>
      <View className='choices'>
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={`choice ${n <= stars ? 'choice-on' : ''}`}
            data-testid={`legal-qa-star-${n}`}
            onClick={() => setStars(n)}
          >
            ★
          </View>
        ))}
      </View>
      {act.fieldErrors.stars && <Text className='field-error'>{act.fieldErrors.stars}</Text>}
      <Field
        label='评价（可不填）'
        name='lq-comment'
        testId='legal-qa-comment'
        value={comment}
        error={act.fieldErrors.comment}
        onInput={setComment}
      />
      <Button block kind='plain' testId='legal-qa-rate' disabled={!stars} loading={act.busy} onClick={rate}>
        提交评价
      </Button>
    </View>
  );
}
