import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ApiError, call } from '../../../api/client';
import type { Org } from '../../../api/types';
import { uploadDocument } from '../../../api/upload';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { OrgPicker } from '../../../components/OrgPicker/OrgPicker';
import { PageShell } from '../../../components/PageShell';
import { useAction } from '../../../hooks/useAction';
import { useSession } from '../../../stores/session';
import { useManagingOrgs, type OrgChoice } from '../managingOrg';
import { pickSheet } from '../../../utils/pickSheet';
import '../merchants.scss';
import { ImportPreview, type Preview, type RowError } from './ImportPreview';
import './index.scss';

const COLUMNS =
  '名称、类型（商户/驿站）、类别、等级、区县、地址、电话、经度、纬度、营业时间、优惠内容、使用条款、每人限次、有效期至、服务项目';

/**
 * 批量导入: pick an .xlsx / .csv list (weapp: from a chat; H5: a file), upload it, see a preview with every row's
 * problems, then import all rows or none. The rows go to the staffer's own union unless they pick another in
 * their subtree (administrators pick one). Test ids: `merchants-import-…` (org, pick, errors, error-where, commit,
 * result, confirm).
 */
export default function PlacesImport() {
  const session = useSession();
  const managing = useManagingOrgs();
  const [picked, setPicked] = useState<OrgChoice | null>(null);
  const [pickingOrg, setPickingOrg] = useState(false);
  const org = picked ?? managing.fallback;
  const orgName = org ? org.name || managing.orgs.find((o) => o._id === org.id)?.name || '…' : '请选择工会';
  const [file, setFile] = useState<{ fileId: string; name: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [errors, setErrors] = useState<RowError[]>([]);
  const act = useAction();
  /** What the running action does (shown on the button while it runs). */
  const [step, setStep] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const showPreview = (p: Preview) => {
    setPreview(p);
    setErrors(p.errors);
  };

  /** Checks the uploaded file for the chosen union: every row's problems, or the rows that will be imported. */
  const check = (fileId: string, orgId: string) => {
    setStep('正在检查…');
    void act.run(() => call('merchants.importPreview', { fileId, orgId }), {
      failTitle: '未能检查文件',
      onDone: showPreview,
      onFail: () => setPreview(null),
    });
  };

  const pick = async () => {
    const openid = session.session?.openid;
    if (act.busy || !openid) return;
    if (!org) return act.setFieldErrors({ orgId: '请先选择导入到的工会' });
    const chosen = await pickSheet();
    if (!chosen) return;
    setResult(null);
    setStep('正在上传…');
    await act.run(
      async () => {
        const fileId = await uploadDocument(chosen.file, chosen.name, openid);
        setFile({ fileId, name: chosen.name });
        setStep('正在检查…');
        return call('merchants.importPreview', { fileId, orgId: org.id });
      },
      { failTitle: '未能检查文件', onDone: showPreview, onFail: () => setPreview(null) },
    );
  };

  /** The rows a refused import names (the file changed since its preview), kept for the list of errors. */
  const rowErrorsOf = (e: unknown): RowError[] | undefined =>
    e instanceof ApiError ? (e.details as { errors?: RowError[] } | undefined)?.errors : undefined;

  const commit = async () => {
    if (!file || !preview || !org || errors.length) return;
    setStep('正在导入…');
    await act.run(
      () =>
        call('merchants.importCommit', { fileId: file.fileId, orgId: org.id }).catch((e: unknown) => {
          const rows = rowErrorsOf(e);
          if (rows) setErrors(rows);
          throw e;
        }),
      {
        failTitle: '未能导入',
        onDone: (r) => {
          setResult(
            r.imported
              ? `已导入 ${r.imported} 条${r.unchanged ? `，${r.unchanged} 条此前已导入` : ''}`
              : `这些记录此前已导入（${r.unchanged} 条），没有重复写入`,
          );
          setPreview(null);
          setFile(null);
        },
      },
    );
    setConfirming(false);
  };

  return (
    <PageShell className='places-import' page='placesImport'>
      <View className='section'>
        <Text className='section-title'>批量导入商户与驿站</Text>
        <Text className='muted import-help'>
          第一行为列名：{COLUMNS}。支持 Excel（.xlsx）和 CSV，一次最多 500 行；有任何一行出错则全部不导入。
        </Text>
        <View
          className='m-picker import-org'
          data-testid='merchants-import-org'
          onClick={() => !act.busy && managing.ready && setPickingOrg(true)}
        >
          导入到：{orgName} ▾
        </View>
        {act.fieldErrors.orgId && <Text className='m-error'>{act.fieldErrors.orgId}</Text>}
        <Button
          block
          className='import-pick'
          testId='merchants-import-pick'
          loading={act.busy}
          loadingText={step}
          onClick={() => void pick()}
        >
          {process.env.TARO_ENV === 'weapp' ? '从聊天记录选择文件' : '选择文件'}
        </Button>
        {file && <Text className='muted import-file'>文件：{file.name}</Text>}
        {result && (
          <Text className='m-ok import-result' data-testid='merchants-import-result'>
            ✓ {result}
          </Text>
        )}
      </View>

      {preview && <ImportPreview preview={preview} errors={errors} busy={act.busy} onCommit={() => setConfirming(true)} />}
      {pickingOrg && (
        <OrgPicker
          orgs={managing.orgs}
          filter={{ purpose: 'any', within: managing.within }}
          title='导入到'
          onClose={() => setPickingOrg(false)}
          onSelect={(o: Org) => {
            setPickingOrg(false);
            if (o._id === org?.id) return;
            setPicked({ id: o._id, name: o.name });
            act.clearField('orgId');
            // A file already checked is checked again for the union now chosen.
            if (file) void check(file.fileId, o._id);
          }}
        />
      )}
      <ConfirmDialog
        visible={confirming && !!preview}
        title='确认导入'
        confirmText='导入'
        busy={act.busy}
        className='import-confirm'
        testId='merchants-import-confirm'
        onConfirm={() => void commit()}
        onCancel={() => setConfirming(false)}
      >
        <Text>
          将导入 {preview?.valid} 条到「{orgName}」；有任何一行出错则全部不导入。
        </Text>
      </ConfirmDialog>
    </PageShell>
  );
}
