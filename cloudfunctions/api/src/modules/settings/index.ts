/** 本工会设置: the union's name, hotline, districts, map centre, areas switched on, templates, deadlines. */
import { defineAction, defineModule } from '../../action';
import { SETTINGS_COLLECTIONS } from './collections';
import { settingsErrors } from './errors';
import { settingsGetInput, settingsSaveInput } from './schemas';
import { getSettings, saveSettings } from './settings';

const ADMIN = ['admin'] as const;

export const settingsModule = defineModule({
  area: 'settings',
  collections: SETTINGS_COLLECTIONS,
  errors: settingsErrors.codes,
  fieldLabels: {
    version: '设置版本',
    union: '工会信息',
    areas: '服务开关',
    subscribeTemplateIds: '订阅消息模板',
    subscribeTemplateFields: '模板字段',
    deadlines: '办理期限',
  },
  audit: { 'settings.save': '修改本工会设置' },
  actions: {
    'settings.get': defineAction({ input: settingsGetInput, roles: 'any', handler: () => getSettings() }),
    'settings.save': defineAction({ input: settingsSaveInput, roles: ADMIN, handler: saveSettings }),
  },
});
