import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '../../../components/Button';
import { factsLine } from '../format';
import type { ProfileView } from '../types';

/**
 * A profile as the server let it through: only the fields present are shown (the server decides; this renders).
 * The cover photo where its owner lets the viewer see it (a short-lived link), else the nickname's first character.
 * A contact (only ever sent to the owner and a mutual match) is copied with one tap. Test ids
 * `matchmaking-person-photo` (`data-photo` yes / no), `matchmaking-person-name`, `matchmaking-contact`,
 * `matchmaking-copy-contact`.
 */
export function PersonCard({ profile, full }: { profile: ProfileView; full?: boolean }) {
  const cover = profile.photoUrls?.[0];
  const contact = profile.contact;
  return (
    <View className='mm-person'>
      {cover ? (
        <Image
          className='mm-person-photo'
          src={cover}
          mode='aspectFill'
          data-testid='matchmaking-person-photo'
          data-photo='yes'
        />
      ) : (
        <View className='mm-person-photo mm-person-initial' data-testid='matchmaking-person-photo' data-photo='no'>
          {Array.from(profile.nickname)[0]}
        </View>
      )}
      <View className='mm-person-body'>
        <Text className='mm-person-name' data-testid='matchmaking-person-name'>
          {profile.nickname}
        </Text>
        <Text className='mm-card-line mm-person-facts'>{factsLine(profile)}</Text>
        {profile.intro && (
          <Text className='mm-person-intro'>
            {full || profile.intro.length <= 40 ? profile.intro : `${profile.intro.slice(0, 40)}…`}
          </Text>
        )}
        {contact && (
          <View className='mm-contact' data-testid='matchmaking-contact'>
            <Text>
              {contact.kindText}：{contact.value}
            </Text>
            <Button
              small
              kind='plain'
              className='mm-copy'
              testId='matchmaking-copy-contact'
              onClick={() => void Taro.setClipboardData({ data: contact.value })}
            >
              复制
            </Button>
          </View>
        )}
      </View>
    </View>
  );
}
