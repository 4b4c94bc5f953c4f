import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { call } from '../../../api/client';
import type { Org } from '../../../api/types';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { OrgPicker } from '../../../components/OrgPicker/OrgPicker';
import { PageShell } from '../../../components/PageShell';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { orgScopesOf, useSession } from '../../../stores/session';
import { openExport } from '../../../utils/openExport';
import { ImportPreview } from './ImportPreview';
import { KIND_LABEL, treeRows } from './kinds';
import { OrgDialogBody } from './OrgDialogBody';
import { useImport } from './useImport';
import { useOrgDialog } from './useOrgDialog';
import './index.scss';

const TITLES = { create: '新增工会', rename: '工会改名', move: '移动工会', merge: '合并工会', close: '撤销工会' } as const;

/**
 * 组织管理: the union's tree within the staffer's scope (administrators: all of it). Tap a union to select it,
 * then 新增下级 / 改名 / 移动 / 合并 / 撤销; import a tree from Excel (preview, then all rows or none) and export it.
 * e2e hooks: data-testid on every control (org-row-<id>, org-create, org-rename, org-move, org-close, org-import,
 * org-import-commit, org-export, org-merge, org-dialog-name, org-dialog-parent, org-dialog-target).
 */
export default function OrgManage() {
  const session = useSession();
  const within = orgScopesOf(session.session);
  const tree = useRemote(() => call('org.tree', { includeClosed: true }));
  const action = useAction();
  const [selected, setSelected] = useState<Org | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const done = (message: string) => {
    setResult(message);
    // The tree is read again: a union just closed or merged is no longer one to act on.
    setSelected(null);
    tree.reload();
  };
  const d = useOrgDialog(action, done);
  const imports = useImport(action, session.session?.openid, done);

  const orgs = useMemo(() => tree.data?.orgs ?? [], [tree.data]);
  const open = useMemo(() => orgs.filter((o) => !o.closed), [orgs]);
  const rows = useMemo(() => treeRows(orgs, within), [orgs, within]);

  const exportTree = () =>
    void action.run(() => call('org.export', {}), { onDone: (link) => void openExport(link.url, '组织架构.xlsx') });
  const canCreateRoot = !!session.session?.isAdmin && !tree.loading && orgs.length === 0;

  return (
    <PageShell className='org-manage' page='orgManage'>
      <View className='section'>
        <View className='btn-row'>
          <Button
            kind='plain'
            testId='org-import'
            loading={action.busy}
            onClick={() => {
              setResult(null);
              void imports.pick();
            }}
          >
            从 Excel 导入
          </Button>
          <Button kind='plain' testId='org-export' disabled={action.busy} onClick={exportTree}>
            导出
          </Button>
          {canCreateRoot && (
            <Button testId='org-create-root' onClick={() => d.startCreate(null)}>
              建立根工会
            </Button>
          )}
        </View>
        <Text className='muted org-help'>
          导入文件第一行为列名：名称、上级工会（名称或编号）、类型、是否新就业形态；一个文件最多5000行，有任何一行出错则全部不导入。
        </Text>
        {result && <Text className='m-ok org-result'>✓ {result}</Text>}
      </View>

      {imports.preview && (
        <ImportPreview
          fileName={imports.file?.name ?? ''}
          preview={imports.preview}
          busy={action.busy}
          onCommit={imports.commit}
        />
      )}

      <View className='section'>
        <Text className='section-title'>组织架构</Text>
        {tree.loading && <Text className='muted'>加载中…</Text>}
        {tree.error && <Text className='m-error'>{tree.error}</Text>}
        {!tree.loading && !rows.length && <Text className='muted'>还没有工会，请建立根工会或从 Excel 导入。</Text>}
        {rows.map(({ org, depth }) => (
          <View
            key={org._id}
            className={`org-row ${selected?._id === org._id ? 'org-row-selected' : ''} ${org.closed ? 'org-row-closed' : ''}`}
            style={{ paddingLeft: `${16 + depth * 28}px` }}
            data-testid={`org-row-${org._id}`}
            onClick={() => setSelected(org)}
          >
            <Text className='org-row-name'>{org.name}</Text>
            <Text className='muted org-row-kind'>
              {KIND_LABEL[org.kind]}
              {org.acceptsNewEmployment ? ' · 新就业形态' : ''}
              {org.closed ? ' · 已撤销' : ''}
            </Text>
          </View>
        ))}
      </View>

      {selected && !selected.closed && (
        <View className='org-actions btn-row'>
          <Button kind='plain' testId='org-create' onClick={() => d.startCreate(selected)}>
            新增下级
          </Button>
          <Button kind='plain' testId='org-rename' onClick={() => d.startRename(selected)}>
            改名
          </Button>
          {selected.parentId && (
            <Button kind='plain' testId='org-move' onClick={() => d.setDialog({ mode: 'move', org: selected, parent: null })}>
              移动
            </Button>
          )}
          {selected.parentId && (
            <Button kind='plain' testId='org-merge' onClick={() => d.setDialog({ mode: 'merge', org: selected, target: null })}>
              合并
            </Button>
          )}
          {selected.parentId && (
            <Button kind='quiet' testId='org-close' onClick={() => d.setDialog({ mode: 'close', org: selected, target: null })}>
              撤销
            </Button>
          )}
        </View>
      )}

      <ConfirmDialog
        visible={!!d.dialog && !d.picking}
        title={d.dialog ? TITLES[d.dialog.mode] : ''}
        busy={action.busy}
        className='org-dialog'
        testId='org-dialog'
        onConfirm={d.confirm}
        onCancel={d.close}
      >
        <OrgDialogBody d={d} action={action} />
      </ConfirmDialog>

      {d.picking && d.dialog && d.dialog.mode !== 'create' && d.dialog.mode !== 'rename' && (
        <OrgPicker
          orgs={open}
          filter={{ purpose: 'any', within }}
          title={d.picking === 'parent' ? '新的上级工会' : d.dialog.mode === 'merge' ? '并入的工会' : '接收会员的工会'}
          onClose={() => d.setPicking(null)}
          onSelect={d.pickOrg}
        />
      )}
    </PageShell>
  );
}
