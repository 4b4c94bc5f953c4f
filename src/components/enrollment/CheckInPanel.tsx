import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call, errorMessage } from '../../api/client';
import { Button } from '../Button';

/** Check-in is open from 12 hours before the start until the end (as the server's `enrollment.checkIn` allows). */
export function checkInOpen(activity: { startAt: string; endAt: string }): boolean {
  const now = Date.now();
  return now >= new Date(activity.startAt).getTime() - 12 * 3600_000 && now < new Date(activity.endAt).getTime();
}

export interface CheckInPanelProps {
  activityId: string;
  onChanged: () => void;
  /** Class prefix of the area's stylesheet (`competitions`, `mm`, `rec`): `.<prefix>-checkin-token`, `-submit` are e2e hooks. */
  prefix: string;
  /** Section title; 活动签到 unless the area words it otherwise (技能竞赛: 赛前签到). */
  title?: string;
  /** Class of the H5 paste row; `<prefix>-search` unless given. */
  rowClass?: string;
  /** Extra class of the result line. */
  resultClass?: string;
  /** The area, for test ids `<area>-checkin-token` (the input inside), `-submit`, `-scan`, `-result`; none when absent. */
  area?: string;
}

/**
 * Check-in with the engine's `enrollment.checkIn`: scan the member's card code on weapp, or paste it (H5
 * development). Says who was checked in, or that they already were, or why not.
 */
export function CheckInPanel({
  activityId,
  onChanged,
  prefix: p,
  title = '活动签到',
  rowClass,
  resultClass,
  area,
}: CheckInPanelProps) {
  const tid = (part: string) => (area ? `${area}-checkin-${part}` : undefined);
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
    <View className={`section ${p}-checkin`}>
      <Text className='section-title'>{title}</Text>
      {process.env.TARO_ENV === 'h5' ? (
        <View className={rowClass ?? `${p}-search`}>
          <View data-testid={tid('token')}>
            <Input
              className={`${p}-input ${p}-checkin-token`}
              value={token}
              placeholder='粘贴会员码内容'
              onInput={(e) => setToken(e.detail.value)}
            />
          </View>
          <Button
            small
            className={`${p}-checkin-submit`}
            testId={tid('submit')}
            loading={busy}
            onClick={() => void checkIn(token)}
          >
            签到
          </Button>
        </View>
      ) : (
        <Button block className={`${p}-checkin-scan`} testId={tid('scan')} loading={busy} onClick={() => void scan()}>
          扫描会员码签到
        </Button>
      )}
      {result && (
        <Text
          className={`${resultClass ? `${resultClass} ` : ''}${p}-checkin-result ${result.ok ? `${p}-ok` : `${p}-field-error`}`}
          data-testid={tid('result')}
        >
          {result.text}
        </Text>
      )}
    </View>
  );
}
