import { xmlTrim } from '../xml/read-xml';

/**
 * Every form a permission key takes in real roles (docs/netsuite-facts.md §2):
 *   TRAN_SALESORD                                       a standard ID (Oracle's table or beyond it)
 *   [scriptid=customrecord_x], customrecord_x           a custom record
 *   [appid=com.netsuite.item360, scriptid=customrecord_x]  a custom record owned by a SuiteApp
 *   [scriptid=customsale_x], [scriptid=custompurchase_x]   a custom transaction type
 *   [type=customsegment, scriptid=cseg2]                a custom segment
 *   LIST_CUSTRECORDENTRY<n>                             a custom record by internal id (SuiteQL)
 * Parsing gives one identity per permission: the standard ID in upper case, or the script id in
 * lower case, so a policy naming a script id matches whichever form the source delivers.
 */

/** What kind of permission a key names. */
type PermkeyKind = 'standard' | 'customrecord' | 'customtransaction' | 'customsegment' | 'customrecordentry' | 'unknown';

/** A parsed permission key. */
export interface ParsedPermkey {
  /** The identity to compare by: `TRAN_SALESORD`, `customrecord_x`, `customsale_x`, `cseg2`. */
  id: string;
  kind: PermkeyKind;
  /** The SuiteApp owning a custom record (`[appid=..., scriptid=...]`). */
  appId?: string;
  /** For `LIST_CUSTRECORDENTRY<n>`: the custom record type's internal id. */
  recordTypeId?: string;
}

const STANDARD = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
const CUSTRECORDENTRY = /^LIST_CUSTRECORDENTRY(\d+)$/;

function scriptKind(scriptId: string, type?: string): PermkeyKind {
  // Script ids are lower-case letters, digits and underscores; anything else is no object's id.
  if (!/^[a-z0-9_]+$/.test(scriptId)) return 'unknown';
  if (type === 'customsegment' || /^cseg/.test(scriptId)) return 'customsegment';
  if (/^customrecord/.test(scriptId)) return 'customrecord';
  if (/^(customsale|custompurchase|customtransaction)_/.test(scriptId)) return 'customtransaction';
  return 'unknown';
}

/** Parses a permission key in any of its forms; an unknown form comes back as `unknown`, never thrown. */
export function parsePermkey(raw: string): ParsedPermkey {
  const key = xmlTrim(raw);
  const bracket = /^\[(.*)\]$/s.exec(key);
  if (bracket) {
    const fields: Record<string, string> = {};
    for (const part of bracket[1].split(',')) {
      const m = /^[ \t]*([a-z]+)[ \t]*=[ \t]*(.*?)[ \t]*$/i.exec(part);
      if (!m) return { id: key, kind: 'unknown' };
      fields[m[1].toLowerCase()] = m[2];
    }
    const scriptId = fields.scriptid?.toLowerCase();
    if (!scriptId) return { id: key, kind: 'unknown' };
    const kind = scriptKind(scriptId, fields.type?.toLowerCase());
    if (kind === 'unknown') return { id: key, kind };
    return { id: scriptId, kind, ...(fields.appid ? { appId: fields.appid } : {}) };
  }
  const lower = key.toLowerCase();
  const custom = scriptKind(lower);
  if (custom !== 'unknown') return { id: lower, kind: custom };
  const upper = key.toUpperCase();
  const entry = CUSTRECORDENTRY.exec(upper);
  if (entry) return { id: upper, kind: 'customrecordentry', recordTypeId: entry[1] };
  if (STANDARD.test(upper)) return { id: upper, kind: 'standard' };
  return { id: key, kind: 'unknown' };
}

/** The SDF form of a parsed key, as `pull` and snapshots write it back. */
export function formatPermkey(p: ParsedPermkey): string {
  if (p.kind === 'standard' || p.kind === 'customrecordentry' || p.kind === 'unknown') return p.id;
  if (p.kind === 'customsegment') return `[type=customsegment, scriptid=${p.id}]`;
  return p.appId ? `[appid=${p.appId}, scriptid=${p.id}]` : `[scriptid=${p.id}]`;
}

/** A word NetSuite writes for an enum value (a segment, a restriction): upper-case letters, digits, underscores. */
function isNetSuiteWord(s: string): boolean {
  return /^[A-Z0-9_]+$/.test(s);
}

/**
 * Names the characters outside printable ASCII in `s` as `: it holds U+200B, U+00A0`, or ''.
 * No permission key or NetSuite word holds one; shown so an invisible character can be found.
 */
export function oddCharacters(s: string): string {
  const odd = [...new Set([...s].filter((c) => c < ' ' || c > '~'))];
  return odd.length ? `: it holds ${odd.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')}` : '';
}

/** What is wrong with a value read where a permission key or a NetSuite word belongs, and how to write one. */
export interface ValueProblem {
  message: string;
  suggestion: string;
}

/** Why `raw` is no permission key (quoted, with any odd character named); undefined for a key of a known form. */
export function permkeyProblem(raw: string, parsed: ParsedPermkey = parsePermkey(raw)): ValueProblem | undefined {
  if (parsed.kind !== 'unknown') return undefined;
  return { message: `${JSON.stringify(raw)} is not a permission key${oddCharacters(raw)}`, suggestion: 'write an ID such as TRAN_SALESORD, a custom object\'s script id, or [scriptid=customrecord_x]' };
}

/** Why `value` (a segment, a restriction; any case) is no word NetSuite writes; undefined for one that is. */
export function wordProblem(value: string): ValueProblem | undefined {
  if (isNetSuiteWord(value.toUpperCase())) return undefined;
  return { message: `${JSON.stringify(value)} is not a word NetSuite writes${oddCharacters(value)}`, suggestion: 'NetSuite writes these as upper-case letters, digits and underscores, e.g. DEPARTMENT, OWNONLY' };
}
