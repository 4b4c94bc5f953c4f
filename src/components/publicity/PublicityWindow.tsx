import { Text } from '@tarojs/components';
import { chinaFormat } from '../enrollment/chinaTime';

export interface PublicityWindowProps {
  /** Objections are taken now. */
  open: boolean;
  /** End of the window (ISO): shown in China time. */
  until: string;
  /** What a member taps to object, as the page names it: 名单中的“异议”. */
  where: string;
  /** Said once the window is over (公示期已结束。). */
  closedText?: string;
  className?: string;
  testId: string;
}

/** The line that says how long a 公示 takes objections and how to raise one — or that it is over. */
export function PublicityWindow({ open, until, where, closedText, className, testId }: PublicityWindowProps) {
  return (
    <Text className={className} data-testid={testId}>
      {open
        ? `公示期至 ${chinaFormat(until, 'M月D日 HH:mm')}，如有异议请点击${where}并写明理由。`
        : (closedText ?? '公示期已结束。')}
    </Text>
  );
}
