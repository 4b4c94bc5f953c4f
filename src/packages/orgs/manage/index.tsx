import { Input, Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { call } from '../../../api/client';
import type { InputOf, Org, OutputOf } from '../../../api/types';
import { uploadDocument } from '../../../api/upload';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { OrgPicker } from '../../../components/OrgPicker/OrgPicker';
import { PageShell } from '../../../components/PageShell';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { orgScopesOf, useSession } from '../../../stores/session';
import { openExport } from '../../../utils/openExport';
import { pickSheet } from '../../../utils/pickSheet';
import './index.scss';

type Kind = InputOf<'org.create'>['kind'];
type Preview = OutputOf<'org.importPreview'>;
type RowError = Preview['errors'][number];

const KINDS: Array<[Kind, string]> = [
  ['grassroots', '基层工会'],
  ['district', '区县/街道工会'],
  ['industry', '行业工会联合会'],
  ['city', '市总工会'],
];
const KIND_LABEL = Object.fromEntries(KINDS) as Record<Kind, string>;

type Dialog =
  | { mode: 'create'; parent: Org | null }
  | { mode: 'rename'; org: Org }
  | { mode: 'move'; org: Org; parent: Org | null }
  | { mode: 'close'; org: Org; target: Org | null };

/** Repeats a paged action (a move, a close) until the server says it is done. */
async function untilDone<T extends { done: boolean }>(step: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i += 1) {
    const r = await step();
    if (r.done || i >= 50) return r;
  }
}

/**
 * 组织管理: the union's tree within the staffer's scope (administrators: all of it). Tap a union to select it,
 * then 新增下级 / 改名 / 移动 / 撤销; import a tree from Excel (preview, then all rows or none) and export it.
 * e2e hooks: data-testid on every control (org-row-<id>, org-create, org-rename, org-move, org-close, org-import,
 * org-import-commit, org-export, org-dialog-name, org-dialog-parent, org-dialog-target).
 */
export default function OrgManage() {
  const session = useSession();
  const within = orgScopesOf(session.session);
  const tree = useRemote(() => call('org.tree', { includeClosed: true }));
  const action = useAction();
  const [selected, setSelected] = useState<Org | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('grassroots');
  const [newEmployment, setNewEmployment] = useState(false);
  const [picking, setPicking] = useState<'parent' | 'target' | null>(null);
  const [file, setFile] = useState<{ fileId: string; name: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [result, setResult] = useState<string | null>(null);

  const orgs = useMemo(() => tree.data?.orgs ?? [], [tree.data]);
  const open = useMemo(() => orgs.filter((o) => !o.closed), [orgs]);
  const rows = useMemo(() => {
    const children = new Map<string | null, Org[]>();
    for (const o of orgs) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o]);
    const inScope = (o: Org) => !within || o.path.some((id) => within.includes(id));
    const out: Array<{ org: Org; depth: number }> = [];
    const walk = (parentId: string | null, depth: number) => {
      for (const o of children.get(parentId) ?? []) {
        const shown = inScope(o);
        if (shown) out.push({ org: o, depth });
        walk(o._id, shown ? depth + 1 : depth);
      }
    };
    walk(null, 0);
    return out;
  }, [orgs, within]);

  const close = () => {
    setDialog(null);
    setPicking(null);
  };
  const done = (message: string) => {
    setResult(message);
    close();
    tree.reload();
  };

  const startCreate = (parent: Org | null) => {
    setName('');
    setKind(parent ? 'grassroots' : 'city');
    setNewEmployment(false);
    setDialog({ mode: 'create', parent });
  };

  const confirm = () => {
    if (!dialog) return;
    if (dialog.mode === 'create')
      void action.run(
        () =>
          call('org.create', {
            name: name.trim(),
            parentId: dialog.parent?._id ?? null,
            kind,
            acceptsNewEmployment: newEmployment,
          }),
        { success: '已新增', onDone: (r) => done(`已新增「${r.org.name}」`) },
      );
    else if (dialog.mode === 'rename')
      void action.run(() => call('org.rename', { orgId: dialog.org._id, name: name.trim() }), {
        success: '已改名',
        onDone: (r) => done(`已改名为「${r.org.name}」`),
      });
    else if (dialog.mode === 'move') {
      if (!dialog.parent) return action.setFieldErrors({ parentId: '请选择新的上级工会' });
      const parentId = dialog.parent._id;
      void action.run(() => untilDone(() => call('org.move', { orgId: dialog.org._id, parentId })), {
        success: '已移动',
        onDone: (r) => done(r.done ? `「${dialog.org.name}」已移到「${dialog.parent?.name}」之下` : '移动尚未完成，请再点一次“移动”继续'),
      });
    } else {
      const input = { orgId: dialog.org._id, ...(dialog.target ? { targetOrgId: dialog.target._id } : {}) };
      void action.run(() => untilDone(() => call('org.close', input)), {
        success: '已撤销',
        onDone: (r) =>
          done(
            r.done
              ? `「${dialog.org.name}」已撤销${dialog.target ? `，会员转入「${dialog.target.name}」` : ''}`
              : '会员转移尚未完成，请再次撤销以继续',
          ),
      });
    }
  };

  const pickImport = async () => {
    if (action.busy || !session.session) return;
    const chosen = await pickSheet();
    if (!chosen) return;
    setResult(null);
    const openid = session.session.openid;
    await action.run(
      async () => {
        const fileId = await uploadDocument(chosen.file, chosen.name, openid);
        setFile({ fileId, name: chosen.name });
        return call('org.importPreview', { fileId });
      },
      {
        onDone: (p) => {
          setPreview(p);
          setRowErrors(p.errors);
        },
        onFail: () => setPreview(null),
      },
    );
  };

  const commitImport = () => {
    if (!file || !preview || rowErrors.length) return;
    void action.run(() => untilDone(() => call('org.importCommit', { fileId: file.fileId })), {
      onDone: (r) => {
        setPreview(null);
        setFile(null);
        done(r.done ? `已导入 ${r.imported} 个工会${r.unchanged ? `，${r.unchanged} 个此前已导入` : ''}` : '导入尚未完成，请重新导入同一文件以继续');
      },
      // The file changed since the preview (or the tree did): check it again.
      onFail: () => void call('org.importPreview', { fileId: file.fileId }).then((p) => {
        setPreview(p);
        setRowErrors(p.errors);
      }),
    });
  };

  const exportTree = () =>
    void action.run(() => call('org.export', {}), { onDone: (link) => void openExport(link.url, '组织架构.xlsx') });

  const canCreateRoot = !!session.session?.isAdmin && !tree.loading && orgs.length === 0;
  const dialogTitle = dialog
    ? { create: '新增工会', rename: '工会改名', move: '移动工会', close: '撤销工会' }[dialog.mode]
    : '';

  return (
    <PageShell className='org-manage' page='orgManage'>
      <View className='section'>
        <View className='btn-row'>
          <Button kind='plain' data-testid='org-import' loading={action.busy} onClick={() => void pickImport()}>
            从 Excel 导入
          </Button>
          <Button kind='plain' data-testid='org-export' disabled={action.busy} onClick={exportTree}>
            导出
          </Button>
          {canCreateRoot && (
            <Button data-testid='org-create-root' onClick={() => startCreate(null)}>
              建立根工会
            </Button>
          )}
        </View>
        <Text className='muted org-help'>
          导入文件第一行为列名：名称、上级工会（名称或编号）、类型、是否新就业形态；一个文件最多5000行，有任何一行出错则全部不导入。
        </Text>
        {result && <Text className='m-ok org-result'>✓ {result}</Text>}
      </View>

      {preview && (
        <View className='section org-import-preview' data-testid='org-import-preview'>
          <Text className='section-title'>导入预览（{file?.name}）</Text>
          <Text className='org-import-summary'>
            共 {preview.rows} 行，可导入 {preview.valid} 行{rowErrors.length ? `，${rowErrors.length} 处错误` : ''}
          </Text>
          {rowErrors.map((e, i) => (
            <View key={`${e.row}-${i}`} className='org-import-error' data-testid='org-import-error'>
              <Text className='org-import-where'>
                第{e.row}行 · {e.field}
              </Text>
              <Text>{e.message}</Text>
            </View>
          ))}
          {preview.sample.map((s) => (
            <Text key={s.row} className='org-import-sample'>
              {s.name} · {s.kind} · 上级：{s.parent || '（根工会）'}
            </Text>
          ))}
          <Button block data-testid='org-import-commit' disabled={rowErrors.length > 0 || action.busy} onClick={commitImport}>
            {rowErrors.length ? '请修改文件后重新选择' : `导入 ${preview.valid} 个工会`}
          </Button>
        </View>
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
          <Button kind='plain' data-testid='org-create' onClick={() => startCreate(selected)}>
            新增下级
          </Button>
          <Button
            kind='plain'
            data-testid='org-rename'
            onClick={() => {
              setName(selected.name);
              setDialog({ mode: 'rename', org: selected });
            }}
          >
            改名
          </Button>
          {selected.parentId && (
            <Button kind='plain' data-testid='org-move' onClick={() => setDialog({ mode: 'move', org: selected, parent: null })}>
              移动
            </Button>
          )}
          {selected.parentId && (
            <Button kind='quiet' data-testid='org-close' onClick={() => setDialog({ mode: 'close', org: selected, target: null })}>
              撤销
            </Button>
          )}
        </View>
      )}

      <ConfirmDialog
        visible={!!dialog && !picking}
        title={dialogTitle}
        busy={action.busy}
        className='org-dialog'
        onConfirm={confirm}
        onCancel={close}
      >
        {dialog && (dialog.mode === 'create' || dialog.mode === 'rename') && (
          <View>
            {dialog.mode === 'create' && <Text className='muted'>上级：{dialog.parent?.name ?? '（根工会）'}</Text>}
            <Input
              className='org-input'
              data-testid='org-dialog-name'
              value={name}
              placeholder='工会名称'
              maxlength={40}
              onInput={(e) => {
                setName(e.detail.value);
                action.clearField('name');
              }}
            />
            {action.fieldErrors.name && <Text className='m-error'>{action.fieldErrors.name}</Text>}
            {dialog.mode === 'create' && (
              <View>
                <View className='org-kinds'>
                  {KINDS.map(([k, label]) => (
                    <Text
                      key={k}
                      className={`org-chip ${kind === k ? 'org-chip-on' : ''}`}
                      data-testid={`org-kind-${k}`}
                      onClick={() => setKind(k)}
                    >
                      {label}
                    </Text>
                  ))}
                </View>
                <Text
                  className={`org-chip ${newEmployment ? 'org-chip-on' : ''}`}
                  data-testid='org-dialog-new-employment'
                  onClick={() => setNewEmployment(!newEmployment)}
                >
                  {newEmployment ? '✓ ' : ''}接收新就业形态劳动者
                </Text>
              </View>
            )}
          </View>
        )}
        {dialog?.mode === 'move' && (
          <View>
            <Text>把「{dialog.org.name}」连同其下级工会移到：</Text>
            <View className='m-picker' data-testid='org-dialog-parent' onClick={() => setPicking('parent')}>
              {dialog.parent?.name ?? '选择新的上级工会'} ▾
            </View>
            {action.fieldErrors.parentId && <Text className='m-error'>{action.fieldErrors.parentId}</Text>}
          </View>
        )}
        {dialog?.mode === 'close' && (
          <View>
            <Text>撤销后「{dialog.org.name}」不再接收入会申请，会员的历史记录保留。其会员和待审核申请转入：</Text>
            <View className='m-picker' data-testid='org-dialog-target' onClick={() => setPicking('target')}>
              {dialog.target?.name ?? '选择接收会员的工会（没有会员时可不选）'} ▾
            </View>
            {action.fieldErrors.targetOrgId && <Text className='m-error'>{action.fieldErrors.targetOrgId}</Text>}
          </View>
        )}
      </ConfirmDialog>

      {picking && dialog && (dialog.mode === 'move' || dialog.mode === 'close') && (
        <OrgPicker
          orgs={open}
          filter={{ purpose: 'any', within }}
          title={picking === 'parent' ? '新的上级工会' : '接收会员的工会'}
          onClose={() => setPicking(null)}
          onSelect={(o: Org) => {
            setPicking(null);
            if (dialog.mode === 'move') setDialog({ ...dialog, parent: o });
            else setDialog({ ...dialog, target: o });
          }}
        />
      )}
    </PageShell>
  );
}
