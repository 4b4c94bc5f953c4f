import { formInputs } from '../inputs';
import type { ActivityArea } from './fields';

/**
 * The activity editor's inputs for `area`: the editor's look (class prefix `activity`, editor.scss), test ids
 * `<area>-edit-<name>`. The same components on every call.
 */
export const editorInputs = (area: ActivityArea) => formInputs('activity', area);
