export { diffRole, sortFindings, type RoleDiff, type DiffOptions } from './diff-role';
export { describeRule } from './checks/permissions';
