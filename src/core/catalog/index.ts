export * from './levels';
export * from './subtabs';
export * from './catalog';
export { closest, editDistance } from './suggest';
