export * from './types';
export * from './select';
