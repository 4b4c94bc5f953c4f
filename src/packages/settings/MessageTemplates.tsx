import { Text, View } from '@tarojs/components';
import { Field } from '../../components/Field';
import { DEFAULT_FIELDS_TEXT, PARTS_HINT, templateLabel } from './form';

/**
 * 订阅消息模板: each template's id from 小程序后台 and which of its fields carries which part of the message.
 * Test ids: `settings-template-<key>`, `settings-template-fields-<key>`.
 */
export function MessageTemplates({
  templateIds,
  templateFields,
  errors,
  onTemplate,
  onFields,
}: {
  templateIds: Record<string, string>;
  templateFields: Record<string, string>;
  errors: Record<string, string | undefined>;
  onTemplate: (key: string, value: string) => void;
  onFields: (key: string, value: string) => void;
}) {
  return (
    <View className='section'>
      <Text className='section-title'>订阅消息模板</Text>
      <Text className='muted'>
        填写小程序后台“订阅消息”中选用的模板ID；会员在申请、预约、报名时按这些模板订阅通知。保存后下一条通知即按新模板发送。
      </Text>
      <Text className='muted'>
        {`字段对应：模板详情中的字段名=通知内容，用逗号分隔，如 thing7=title, phrase3=status, date2=time；内容可为 ${PARTS_HINT}；不填按 ${DEFAULT_FIELDS_TEXT}。`}
      </Text>
      {Object.keys(templateIds).map((key) => (
        <View className='settings-template' key={key}>
          <View data-testid={`settings-template-${key}`}>
            <Field
              label={`${templateLabel(key)}通知`}
              name={`settings-template-${key}`}
              value={templateIds[key]}
              maxlength={64}
              placeholder='模板ID'
              error={errors[`template-${key}`]}
              onInput={(v) => onTemplate(key, v)}
            />
          </View>
          <View data-testid={`settings-template-fields-${key}`}>
            <Field
              label='字段对应'
              name={`settings-template-fields-${key}`}
              value={templateFields[key] ?? ''}
              maxlength={200}
              placeholder={DEFAULT_FIELDS_TEXT}
              error={errors[`template-fields-${key}`]}
              onInput={(v) => onFields(key, v)}
            />
          </View>
        </View>
      ))}
    </View>
  );
}
