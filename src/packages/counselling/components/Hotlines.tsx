import { Text, View } from '@tarojs/components';
import { HOTLINES } from '@rules/counselling';
import { dial } from '../../legal-aid/phone';

/**
 * The urgent-help lines shown on every page of the area (12356 心理援助热线, 12355 青少年服务台), one tap to call.
 * Test ids `counselling-hotlines`, `counselling-hotline-<number>`.
 */
export function Hotlines() {
  return (
    <View className='cs-hotlines' data-testid='counselling-hotlines'>
      <Text className='cs-title'>如需紧急帮助，请立即拨打</Text>
      {HOTLINES.map((h) => (
        <View
          key={h.number}
          className='cs-hotline'
          data-testid={`counselling-hotline-${h.number}`}
          onClick={() => dial(h.number)}
        >
          <View>
            <Text className='cs-hotline-number'>{h.number} </Text>
            <Text>{h.label}</Text>
            <Text className='muted'>（{h.note}）</Text>
          </View>
          <Text className='link'>拨打</Text>
        </View>
      ))}
    </View>
  );
}
