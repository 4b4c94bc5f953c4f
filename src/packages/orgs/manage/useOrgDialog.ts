import { useState } from 'react';
import { call } from '../../../api/client';
import type { Org } from '../../../api/types';
import type { ActionState } from '../../../hooks/useAction';
import { movedText, untilClosed, untilDone, type Dialog, type Kind } from './kinds';

/** The state of 新增 / 改名 / 移动 / 合并 / 撤销 and what 确定 sends. */
export function useOrgDialog(action: ActionState, done: (message: string) => void) {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('grassroots');
  const [newEmployment, setNewEmployment] = useState(false);
  const [picking, setPicking] = useState<'parent' | 'target' | null>(null);

  const close = () => {
    setDialog(null);
    setPicking(null);
  };
  const finish = (message: string) => {
    close();
    done(message);
  };
  const startCreate = (parent: Org | null) => {
    setName('');
    setKind(parent ? 'grassroots' : 'city');
    setNewEmployment(false);
    setDialog({ mode: 'create', parent });
  };
  const startRename = (org: Org) => {
    setName(org.name);
    setDialog({ mode: 'rename', org });
  };

  const confirm = () => {
    if (!dialog) return;
    if (dialog.mode === 'create') {
      const input = { name: name.trim(), parentId: dialog.parent?._id ?? null, kind, acceptsNewEmployment: newEmployment };
      void action.run(() => call('org.create', input), { success: '已新增', onDone: (r) => finish(`已新增「${r.org.name}」`) });
    } else if (dialog.mode === 'rename') {
      void action.run(() => call('org.rename', { orgId: dialog.org._id, name: name.trim() }), {
        success: '已改名',
        onDone: (r) => finish(`已改名为「${r.org.name}」`),
      });
    } else if (dialog.mode === 'move') {
      if (!dialog.parent) return action.setFieldErrors({ parentId: '请选择新的上级工会' });
      const parentId = dialog.parent._id;
      void action.run(() => untilDone(() => call('org.move', { orgId: dialog.org._id, parentId })), {
        success: '已移动',
        onDone: (r) =>
          finish(r.done ? `「${dialog.org.name}」已移到「${dialog.parent?.name}」之下` : '移动尚未完成，请再点一次“移动”继续'),
      });
    } else if (dialog.mode === 'merge') {
      if (!dialog.target) return action.setFieldErrors({ targetOrgId: '请选择并入的工会' });
      const target = dialog.target;
      void action.run(() => untilClosed(() => call('org.merge', { orgId: dialog.org._id, targetOrgId: target._id })), {
        success: '已合并',
        onDone: (r) =>
          finish(
            r.done
              ? `「${dialog.org.name}」已并入「${target.name}」（${movedText(r.moved)}）`
              : '会员转移尚未完成，请再次合并以继续',
          ),
      });
    } else {
      const input = { orgId: dialog.org._id, ...(dialog.target ? { targetOrgId: dialog.target._id } : {}) };
      void action.run(() => untilClosed(() => call('org.close', input)), {
        success: '已撤销',
        onDone: (r) =>
          finish(
            r.done
              ? `「${dialog.org.name}」已撤销${dialog.target ? `，会员转入「${dialog.target.name}」（${movedText(r.moved)}）` : ''}`
              : '会员转移尚未完成，请再次撤销以继续',
          ),
      });
    }
  };

  const pickOrg = (o: Org) => {
    setPicking(null);
    action.clearField(dialog?.mode === 'move' ? 'parentId' : 'targetOrgId');
    if (dialog?.mode === 'move') setDialog({ ...dialog, parent: o });
    else if (dialog?.mode === 'close' || dialog?.mode === 'merge') setDialog({ ...dialog, target: o });
  };

  return {
    dialog,
    setDialog,
    name,
    setName,
    kind,
    setKind,
    newEmployment,
    setNewEmployment,
    picking,
    setPicking,
    close,
    confirm,
    startCreate,
    startRename,
    pickOrg,
  };
}

export type OrgDialogState = ReturnType<typeof useOrgDialog>;
