import { Input, Text, View } from '@tarojs/components';
import { optionsOf } from '@rules/options';
import { COMPANION_RELATIONS } from '@rules/recuperation';
import { useSignUpDrafts } from '../store';

const RELATIONS = optionsOf(COMPANION_RELATIONS);
import type { Companion } from '../types';

/** 同行人: the family members going along (up to `max`), kept in the trip's sign-up draft. */
export function Companions({
  tripId,
  max,
  note,
  error,
  onEdit,
}: {
  tripId: string;
  max: number;
  note?: string;
  error?: string;
  /** Called on every edit (the complaint under the list goes). */
  onEdit: () => void;
}) {
  const companions = useSignUpDrafts((s) => s.drafts[tripId]?.companions) ?? [];
  const setCompanions = useSignUpDrafts((s) => s.setCompanions);
  const save = (next: Companion[]) => {
    setCompanions(tripId, next);
    onEdit();
  };
  const change = (i: number, part: Partial<Companion>) => save(companions.map((x, j) => (j === i ? { ...x, ...part } : x)));
  return (
    <View className='section rec-companions'>
      <Text className='section-title'>同行人（选填）</Text>
      {note && <Text className='muted'>{note}</Text>}
      {companions.map((c, i) => (
        <View key={i} className='rec-field' data-testid={`recuperation-companion-${i + 1}`}>
          <Input
            className='rec-input rec-companion-name'
            value={c.name}
            placeholder='同行人姓名'
            maxlength={30}
            onInput={(e) => change(i, { name: e.detail.value })}
          />
          <View className='rec-chips'>
            {RELATIONS.map((r) => (
              <View
                key={r.key}
                className={`rec-chip ${c.relation === r.key ? 'rec-chip-on' : ''}`}
                onClick={() => change(i, { relation: r.key })}
              >
                {r.label}
              </View>
            ))}
            <View className='rec-chip' onClick={() => save(companions.filter((_, j) => j !== i))}>
              删除
            </View>
          </View>
        </View>
      ))}
      {companions.length < max && (
        <View
          className='rec-link'
          data-testid='recuperation-add-companion'
          onClick={() => save([...companions, { name: '', relation: 'spouse' }])}
        >
          <Text>+ 添加同行人</Text>
        </View>
      )}
      {error && (
        <Text className='rec-field-error' data-testid='recuperation-companions-error'>
          {error}
        </Text>
      )}
    </View>
  );
}
