import { View, Text } from '@tarojs/components';
import './doc.scss';

export interface DocSection {
  heading: string;
  paragraphs: string[];
}

/** A long text in sections (隐私政策, 用户协议). Test id: `about-doc-title`. */
export function Doc({
  title,
  version,
  intro,
  sections,
}: {
  title: string;
  version: string;
  intro: string[];
  sections: DocSection[];
}) {
  return (
    <View className='section doc'>
      <Text className='doc-title' data-testid='about-doc-title'>
        {title}
      </Text>
      <Text className='doc-version'>版本：{version}</Text>
      {intro.map((p, i) => (
        <Text key={i} className='doc-paragraph'>
          {p}
        </Text>
      ))}
      {sections.map((s) => (
        <View key={s.heading} className='doc-section'>
          <Text className='doc-heading'>{s.heading}</Text>
          {s.paragraphs.map((p, i) => (
            <Text key={i} className='doc-paragraph'>
              {p}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
