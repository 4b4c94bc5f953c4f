import { Image, Text, View } from '@tarojs/components';
import { factsLine } from '../format';
import type { ProfileView } from '../types';

/**
 * A profile as the server let it through: only the fields present are shown (the server decides; this renders).
 * e2e hooks `.mm-person-name`, `.mm-contact`.
 */
export function PersonCard({ profile, full }: { profile: ProfileView; full?: boolean }) {
  const cover = profile.photoUrls?.[0];
  return (
    <View className='mm-person'>
      {cover ? (
        <Image className='mm-person-photo' src={cover} mode='aspectFill' />
      ) : (
        <View className='mm-person-photo mm-person-initial'>{Array.from(profile.nickname)[0]}</View>
      )}
      <View className='mm-person-body'>
        <Text className='mm-person-name'>{profile.nickname}</Text>
        <Text className='mm-card-line'>{factsLine(profile)}</Text>
        {profile.intro && (
          <Text className='mm-person-intro'>
            {full || profile.intro.length <= 40 ? profile.intro : `${profile.intro.slice(0, 40)}…`}
          </Text>
        )}
        {profile.contact && (
          <View className='mm-contact'>
            <Text>
              {profile.contact.kindText}：{profile.contact.value}
            </Text>
          </View>
        )}
      </View>
    </View>
  );
}
