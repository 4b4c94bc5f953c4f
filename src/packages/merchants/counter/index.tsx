import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { LoadMore } from '../../../components/LoadMore';
import { useAction } from '../../../hooks/useAction';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { formatDateTime } from '../../../utils/format';
import '../merchants.scss';
import { CheckResult, type Check, type CheckedOffer } from './CheckResult';
import './index.scss';

const EMPTY_CODE = '请输入会员电子工会卡二维码下方的8位核验码，或扫描会员的二维码';

/**
 * 核销台 for merchant staff: scan the member's dynamic card code (weapp), or type the 8-digit 核验码 shown under
 * it (both builds; on H5 the QR's code can also be pasted), see whether it is a valid
 * member and which offers apply, confirm one; below, today's redemptions and their count.
 * A refused code or redemption is explained in one dialog (a malformed code under the code field).
 * Test ids: `merchants-counter-…` (scan, code, check, member, name, offer, redeem, done, today-count, today-item).
 */
export default function Counter() {
  const [placeName, setPlaceName] = useState('核销台');
  const today = usePagedRemote(
    async (page) => {
      const res = await call('merchants.today', { page });
      setPlaceName(res.place.name);
      return res;
    },
    { refreshOnShow: true },
  );
  const [code, setCode] = useState('');
  const act = useAction();
  const [check, setCheck] = useState<Check | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<CheckedOffer | null>(null);

  const verify = async (value: string) => {
    const text = value.trim();
    if (act.busy) return;
    if (!text) {
      act.setFieldErrors({ code: EMPTY_CODE });
      return;
    }
    setDone(null);
    setCheck(null);
    await act.run(() => call('merchants.check', { code: text }), {
      failTitle: '未能核验',
      fieldKey: (f) => (f === 'code' ? 'code' : undefined),
      onDone: setCheck,
    });
  };

  const scan = async () => {
    if (process.env.TARO_ENV !== 'weapp') return;
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }).catch(() => null); // null: cancelled
    if (!res) return;
    setCode(res.result);
    await verify(res.result);
  };

  const redeem = async () => {
    const offer = confirming;
    if (!check || !offer) return;
    await act.run(() => call('merchants.redeem', { ticket: check.ticket, offerId: offer.offerId }), {
      failTitle: '未能核销',
      onDone: (res) => {
        setDone(`已核销：${res.redemption.nameMasked} · ${res.redemption.offerTitle}（${formatDateTime(res.redemption.at)}）`);
        setCheck(null);
        setCode('');
        today.reload();
      },
    });
    setConfirming(null);
  };

  return (
    <PageShell className='counter' page='counter'>
      <View className='section counter-head'>
        <Text className='counter-place' data-testid='merchants-counter-place'>
          {placeName}
        </Text>
        <Text className='counter-today-count' data-testid='merchants-counter-today-count'>
          今日已核销 {today.data?.total ?? '—'} 笔
        </Text>
      </View>

      <View className='section'>
        <Text className='section-title'>核验会员</Text>
        {process.env.TARO_ENV === 'weapp' && (
          <Button
            block
            className='counter-scan'
            testId='merchants-counter-scan'
            loading={act.busy}
            loadingText='核验中…'
            onClick={() => void scan()}
          >
            扫描会员二维码
          </Button>
        )}
        <Field
          label={process.env.TARO_ENV === 'weapp' ? '或输入核验码' : '核验码或会员码'}
          name='counter-code'
          testId='merchants-counter-code'
          multiline={process.env.TARO_ENV !== 'weapp'}
          type={process.env.TARO_ENV === 'weapp' ? 'number' : 'text'}
          value={code}
          error={act.fieldErrors.code}
          maxlength={process.env.TARO_ENV === 'weapp' ? 8 : 256}
          placeholder={
            process.env.TARO_ENV === 'weapp'
              ? '会员电子工会卡二维码下方的8位数字'
              : '输入会员卡二维码下方的8位核验码，或粘贴会员码（网页版无法调用摄像头）'
          }
          note='核验码每分钟更换；输错次数有限，每位店员每天最多输错20次'
          onInput={(v) => {
            setCode(v);
            act.clearField('code');
          }}
        />
        <Button
          block
          kind={process.env.TARO_ENV === 'weapp' ? 'plain' : undefined}
          className='counter-check'
          testId='merchants-counter-check'
          loading={act.busy}
          loadingText='核验中…'
          onClick={() => void verify(code)}
        >
          核验
        </Button>
        {done && (
          <Text className='m-ok counter-done' data-testid='merchants-counter-done'>
            ✓ {done}
          </Text>
        )}
      </View>

      {check && <CheckResult check={check} busy={act.busy} onRedeem={setConfirming} />}

      <View className='section'>
        <Text className='section-title'>今日核销</Text>
        <StateView
          remote={today}
          loading={today.loading && !today.data}
          empty={!!today.data && today.data.items.length === 0}
          emptyText='今天还没有核销记录'
        >
          {today.data?.items.map((r) => (
            <View key={r._id} className='m-item counter-today-item' data-testid='merchants-counter-today-item'>
              <View className='m-item-main'>
                <Text className='m-item-title'>{r.nameMasked}</Text>
                <Text className='muted'>{r.offerTitle}</Text>
              </View>
              <Text className='muted'>{formatDateTime(r.at).slice(11)}</Text>
            </View>
          ))}
          <LoadMore hasMore={today.hasMore} loading={today.loadingMore} error={today.moreError} onLoad={today.loadMore} />
        </StateView>
      </View>
      <ConfirmDialog
        visible={!!confirming && !!check}
        title='确认核销'
        confirmText='确认核销'
        busy={act.busy}
        className='counter-confirm'
        testId='merchants-counter-confirm'
        onConfirm={() => void redeem()}
        onCancel={() => setConfirming(null)}
      >
        <Text>
          为会员 {check?.member.nameMasked} 核销「{confirming?.title}」？
        </Text>
      </ConfirmDialog>
    </PageShell>
  );
}
