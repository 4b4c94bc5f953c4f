import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call, errorMessage } from '../../../../api/client';
import { Button } from '../../../../components/Button';

/** 签到: scan the member's card code (weapp), or paste it (H5 development). e2e hooks `.mm-checkin-token`, `.mm-checkin-submit`. */
export function CheckInPanel({ activityId, onChanged }: { activityId: string; onChanged: () => void }) {
  const [token, setToken] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const checkIn = async (code: string) => {
    if (busy || !code.trim()) return;
    setBusy(true);
    try {
      const r = await call('enrollment.checkIn', { activityId, token: code.trim() });
      setResult({ ok: true, text: r.already ? `${r.name}（${r.orgName}）已签到过` : `${r.name}（${r.orgName}）签到成功` });
      setToken('');
      onChanged();
    } catch (e) {
      setResult({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await checkIn(res.result);
    } catch {
      // cancelled
    }
  };
  return (
    <View className='section mm-checkin'>
      <Text className='section-title'>活动签到</Text>
      {process.env.TARO_ENV === 'h5' ? (
        <View className='mm-checkin-row'>
          <Input
            className='mm-input mm-checkin-token'
            value={token}
            placeholder='粘贴会员码内容'
            onInput={(e) => setToken(e.detail.value)}
          />
          <Button small className='mm-checkin-submit' loading={busy} onClick={() => void checkIn(token)}>
            签到
          </Button>
        </View>
      ) : (
        <Button block className='mm-checkin-scan' loading={busy} onClick={() => void scan()}>
          扫描会员码签到
        </Button>
      )}
      {result && <Text className={`mm-line mm-checkin-result ${result.ok ? 'mm-ok' : 'mm-field-error'}`}>{result.text}</Text>}
    </View>
  );
}
