export * from './finding';
export { diffRole, sortFindings, settleRuleStatuses, type RoleDiff, type DiffOptions } from './diff-role';
export * from './summary';
export { FLAG_LABELS } from './checks/flags';
export { describeRule } from './checks/permissions';
