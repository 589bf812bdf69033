export * from './types';
export { FORMATTERS, FORMAT_NAMES } from './registry';
export { describeFinding } from './messages';
export { shouldColor } from './ansi';
