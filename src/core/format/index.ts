export { FORMATS, FORMAT_NAMES, type FormatName, type FormatContext, type Formatter, type OutputFormat } from './registry';
export { describeFinding } from './messages';
