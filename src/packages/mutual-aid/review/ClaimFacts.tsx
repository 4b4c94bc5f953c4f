import { Image, Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../api/types';
import { Row } from '../../../components/Row';
import { formatDateTime } from '../../../utils/format';

type Claim = OutputOf<'mutualAid.get'>;

/**
 * What the claim says: the member, the stay and the amounts, the evidence photos, and its steps so far.
 * Test ids: `ma-review-status`, `ma-evidence`.
 */
export function ClaimFacts({ d }: { d: Claim }) {
  return (
    <>
      <View className='ma-card'>
        <Text className='ma-title'>
          {d.name} · <Text data-testid='ma-review-status'>{d.statusText}</Text>
        </Text>
        <Row label='方案'>{d.planName}</Row>
        {!d.mine && <Row label='会员卡号'>{d.cardNo}</Row>}
        <Row label='参保单位'>{d.orgName}</Row>
        <Row label='就诊医院'>{d.hospital}</Row>
        <Row label='住院'>
          {d.admittedOn} 至 {d.dischargedOn}
        </Row>
        <Row label='发票总金额'>{d.invoiceTotal} 元</Row>
        <Row label='个人自付'>{d.selfPaid} 元</Row>
        <Row label='按方案计算'>{d.ruleAmount} 元</Row>
        {d.approvedAmount !== undefined && <Row label='核准金额'>{d.approvedAmount} 元</Row>}
        {d.paymentReference && <Row label='支付凭证号'>{d.paymentReference}</Row>}
        <Text className='muted'>{d.ruleText}</Text>
      </View>
      {d.evidenceUrls.length > 0 && (
        <View className='ma-card ma-photos'>
          {d.evidenceUrls.map((u) => (
            <Image key={u} className='ma-photo' src={u} mode='aspectFill' data-testid='ma-evidence' />
          ))}
        </View>
      )}
      <View className='ma-card'>
        {d.steps.map((s) => (
          <Text key={s.at + s.text} className='ma-step'>
            {formatDateTime(s.at)} {s.text}
          </Text>
        ))}
      </View>
    </>
  );
}
