export { diffRole, type RoleDiff, type DiffOptions } from './diff-role';
