export * from './levels';
export * from './subtabs';
export * from './catalog';
export * from './permkey';
