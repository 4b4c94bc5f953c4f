/**
 * The union organisation tree: the list every picker reads, and its administration by the union itself
 * (administrators anywhere, staff within their subtree): create, rename, move, close or merge, import from
 * Excel with a preview, export.
 */
import { defineAction, defineModule } from '../../action';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { listAllOrgs, toOrg } from '../../shared/orgs';
import { isClosed } from './access';
import { closeOrg } from './closeOrg';
import { ORG_COLLECTIONS } from './collections';
import { createOrg, renameOrg } from './editOrg';
import { orgErrors } from './errors';
import { exportOrgs } from './exportOrgs';
import { importCommit, importPreview } from './importOrgs';
import { moveOrg } from './moveOrg';
import { sweepClosedUnions } from './sweepClosed';
import { sweepMovedPaths } from './sweepPaths';
import {
  ORG_FIELD_LABELS,
  orgCloseInput,
  orgCreateInput,
  orgExportInput,
  orgImportInput,
  orgMergeInput,
  orgMoveInput,
  orgRenameInput,
  orgTreeInput,
} from './schemas';

const KEEPERS = ['staff'] as const;

export const orgModule = defineModule({
  area: 'org',
  // The unions' own paths first, then members'; each area declares the rest (ModuleDef.orgPaths).
  orgPaths: [
    { collection: CORE_COLLECTIONS.orgs, field: 'path' },
    { collection: CORE_COLLECTIONS.members, field: 'orgPath' },
  ],
  collections: ORG_COLLECTIONS,
  errors: orgErrors.codes,
  fieldLabels: ORG_FIELD_LABELS,
  cron: { sweepMovedPaths, sweepClosedUnions },
  audit: {
    'org.create': '新增工会',
    'org.rename': '工会改名',
    'org.move': '调整工会隶属关系',
    'org.close': '撤销工会（会员转会）',
    'org.merge': '合并工会（会员转会）',
    'org.import': '批量导入工会',
    'org.export': '导出组织架构',
  },
  actions: {
    'org.tree': defineAction({
      input: orgTreeInput,
      roles: 'any',
      handler: async (input) => ({
        orgs: (await listAllOrgs()).filter((o) => input.includeClosed || !isClosed(o)).map(toOrg),
      }),
    }),
    'org.create': defineAction({ input: orgCreateInput, roles: KEEPERS, handler: createOrg }),
    'org.rename': defineAction({ input: orgRenameInput, roles: KEEPERS, handler: renameOrg }),
    'org.move': defineAction({ input: orgMoveInput, roles: KEEPERS, handler: moveOrg }),
    'org.close': defineAction({ input: orgCloseInput, roles: KEEPERS, handler: (input, ctx) => closeOrg(input, ctx) }),
    'org.merge': defineAction({ input: orgMergeInput, roles: KEEPERS, handler: (input, ctx) => closeOrg(input, ctx, true) }),
    'org.importPreview': defineAction({ input: orgImportInput, roles: KEEPERS, handler: importPreview }),
    'org.importCommit': defineAction({ input: orgImportInput, roles: KEEPERS, handler: importCommit }),
    'org.export': defineAction({ input: orgExportInput, roles: KEEPERS, handler: exportOrgs }),
  },
});
