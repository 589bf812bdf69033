/**
 * JSON text that is inert and lossless: JSON.stringify escapes C0 controls; this escapes the rest
 * that could mislead a terminal or a reader (DEL, C1 controls, line and paragraph separators, and
 * the bidirectional formatting characters) as \uXXXX, which every JSON parser reads back exactly.
 */
export function jsonText(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
