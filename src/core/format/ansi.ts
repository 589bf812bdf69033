/** Minimal ANSI styling; every function is the identity when colour is off. */
export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain = (s: string) => s;

// eslint-disable-next-line no-control-regex
const STYLED = /\u001b\[[0-9;]*m/g;

/** The text without the styles createStyle adds (what a terminal shows, to measure its width). */
export function unstyled(s: string): string {
  return s.replace(STYLED, '');
}

/** Colour functions, or plain ones when `color` is false. */
export function createStyle(color: boolean): Style {
  if (!color) return { red: plain, yellow: plain, green: plain, dim: plain, bold: plain };
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

