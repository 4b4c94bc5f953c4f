/** One way to show a 公示 and file an objection, for every area that publishes one (疗休养, 技能竞赛). */
export { ObjectButton } from './ObjectButton';
export { ObjectionDialog, type ObjectionDialogProps, type ObjectionTarget } from './ObjectionDialog';
export { PublicityWindow, type PublicityWindowProps } from './PublicityWindow';
