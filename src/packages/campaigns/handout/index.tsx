import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import type { OutputOf } from '../../../api/types';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime } from '../../../utils/format';
import { Choices } from '../../../components/Choices';
import './index.scss';

type Check = OutputOf<'campaigns.check'>;
const EMPTY_CODE = '请输入会员电子工会卡二维码下方的8位核验码，或扫描会员的二维码';

/**
 * 慰问品发放 at a station: pick the station, scan the member's card QR (weapp) or type the 8-digit 核验码, see the
 * masked name and what to hand over, confirm. A refusal (not on the list, already collected on a date, closed, code
 * expired) is one dialog the staffer reads out. Test ids: `campaigns-station-<id>`, `campaigns-code`,
 * `campaigns-check`, `campaigns-check-member`, `campaigns-check-gift`, `campaigns-collect`, `campaigns-done`,
 * `campaigns-scan`; the confirmation dialog `campaigns-collect-confirm`.
 */
export default function Handout() {
  const { params } = useRouter();
  const campaignId = String(params.id ?? '');
  const campaign = useRemote(() => call('campaigns.get', { campaignId }), { deps: [campaignId] });
  const act = useAction();
  const [stationId, setStationId] = useState('');
  const [code, setCode] = useState('');
  const [check, setCheck] = useState<Check | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const c = campaign.data;
  const station = stationId || c?.stations[0]?.id || '';

  const verify = async (value: string) => {
    const text = value.trim();
    if (act.busy) return;
    if (!text) return act.setFieldErrors({ code: EMPTY_CODE });
    setDone(null);
    setCheck(null);
    await act.run(() => call('campaigns.check', { campaignId, stationId: station, code: text }), {
      failTitle: '不能发放',
      fieldKey: (f) => (f === 'code' ? 'code' : undefined),
      onDone: setCheck,
    });
  };
  const scan = async () => {
    if (process.env.TARO_ENV !== 'weapp') return;
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }).catch(() => null);
    if (!res) return;
    setCode(res.result);
    await verify(res.result);
  };
  const collect = async () => {
    if (!check) return;
    await act.run(() => call('campaigns.collect', { ticket: check.ticket }), {
      failTitle: '不能发放',
      onDone: (e) => {
        setDone(`已发放：${e.nameMasked} · ${check.campaign.gift}（${e.collectedAt ? formatDateTime(e.collectedAt) : ''}）`);
        setCheck(null);
        setCode('');
      },
    });
    setConfirming(false);
  };

  return (
    <PageShell className='cp-handout' page='campaignsHandout'>
      <StateView remote={campaign}>
        {c && (
          <View>
            <View className='cp-card'>
              <Text className='cp-title'>{c.title}</Text>
              <Text className='cp-gift'>{c.gift}</Text>
              <Text className='muted'>本领取点：</Text>
              <Choices
                options={c.stations.map((s) => ({ key: s.id, label: s.name }))}
                value={station}
                testId='campaigns-station'
                onChange={setStationId}
              />
            </View>
            <View className='cp-card'>
              {process.env.TARO_ENV === 'weapp' && (
                <Button block testId='campaigns-scan' loading={act.busy} onClick={() => void scan()}>
                  扫描会员二维码
                </Button>
              )}
              <Field
                label={process.env.TARO_ENV === 'weapp' ? '或输入核验码' : '核验码或会员码'}
                name='cp-code'
                testId='campaigns-code'
                type={process.env.TARO_ENV === 'weapp' ? 'number' : 'text'}
                value={code}
                error={act.fieldErrors.code}
                maxlength={process.env.TARO_ENV === 'weapp' ? 8 : 256}
                placeholder='会员电子工会卡二维码下方的8位数字'
                note='核验码每分钟更换'
                onInput={(v) => {
                  setCode(v);
                  act.clearField('code');
                }}
              />
              <Button
                block
                kind='plain'
                testId='campaigns-check'
                loading={act.busy}
                loadingText='核验中…'
                onClick={() => void verify(code)}
              >
                核验
              </Button>
              {done && (
                <Text className='cp-ok' data-testid='campaigns-done'>
                  ✓ {done}
                </Text>
              )}
            </View>
            {check && (
              <View className='cp-card'>
                <Row label='会员' valueTestId='campaigns-check-member'>
                  {check.member.nameMasked} · {check.member.orgName}
                </Row>
                {check.sourceLabels.length > 0 && <Row label='名单来源'>{check.sourceLabels.join('、')}</Row>}
                <Text className='cp-gift' data-testid='campaigns-check-gift'>
                  请发放：{check.campaign.gift}
                </Text>
                <Button block testId='campaigns-collect' onClick={() => setConfirming(true)}>
                  确认发放
                </Button>
              </View>
            )}
          </View>
        )}
      </StateView>
      <ConfirmDialog
        visible={confirming}
        title='确认发放'
        busy={act.busy}
        testId='campaigns-collect-confirm'
        onCancel={() => setConfirming(false)}
        onConfirm={() => void collect()}
      >
        <Text>{check ? `向${check.member.nameMasked}发放「${check.campaign.gift}」，每人限领一次。` : ''}</Text>
      </ConfirmDialog>
    </PageShell>
  );
}
