import { Text } from '@tarojs/components';

/** The 异议 link on one entry of an open 公示. */
export function ObjectButton({ onClick, className, testId }: { onClick: () => void; className: string; testId: string }) {
  return (
    <Text className={className} data-testid={testId} onClick={onClick}>
      异议
    </Text>
  );
}
