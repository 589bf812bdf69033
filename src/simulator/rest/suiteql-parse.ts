/**
 * The small SuiteQL the simulator understands:
 *   SELECT <* | item, ...> FROM <table> [WHERE <cond> [AND <cond>]...] [GROUP BY <col>, ...]
 *     [ORDER BY <col> [ASC|DESC], ...]
 *   item := col | MAX(col) | MIN(col) | COUNT(*) | TO_CHAR(MAX(col) | MIN(col) | col, 'YYYY-MM-DD HH24:MI:SS'), each [AS alias]
 *   cond := operand (= | != | <> | < | <= | > | >=) value | operand IN (value, ...)
 *   operand := col | UPPER(col) | LOWER(col)
 * Anything else is a SuiteQlError, which the endpoint turns into NetSuite's 400: never an empty result.
 */

/** A comparison in WHERE. */
export interface Condition {
  column: string;
  /** A string function applied to the column before comparing. */
  fn?: 'UPPER' | 'LOWER';
  op: '=' | '!=' | '<' | '<=' | '>' | '>=' | 'IN';
  values: string[];
}

/** One item of the SELECT list. */
interface SelectItem {
  /** The column read (`*` for COUNT(*)). */
  column: string;
  agg?: 'MAX' | 'MIN' | 'COUNT';
  /** TO_CHAR's format: dates only, in the one format supported. */
  toChar?: string;
  /** The name the item has in the answer (the alias, else the column, else `expr`). */
  as: string;
}

/** The one TO_CHAR format the simulator knows (HH24: HH is 12-hour in NetSuite's TO_CHAR). */
const TO_CHAR_FORMAT = 'YYYY-MM-DD HH24:MI:SS';

/** A parsed query. */
export interface SuiteQlQuery {
  columns: SelectItem[] | '*';
  groupBy: string[];
  table: string;
  where: Condition[];
  orderBy: Array<{ column: string; desc: boolean }>;
}

/** A query outside the subset, or malformed. */
export class SuiteQlError extends Error {}

type Token = { kind: 'word' | 'string' | 'number' | 'punct'; value: string };

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= q.length) throw new SuiteQlError('unterminated string literal');
        if (q[i] === "'" && q[i + 1] === "'") { s += "'"; i += 2; continue; }
        if (q[i] === "'") { i++; break; }
        s += q[i++];
      }
      tokens.push({ kind: 'string', value: s });
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(q.slice(i));
    if (num && (c !== '-' || !tokens.length || tokens[tokens.length - 1].kind === 'punct')) { tokens.push({ kind: 'number', value: num[0] }); i += num[0].length; continue; }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(q.slice(i));
    if (word) { tokens.push({ kind: 'word', value: word[0] }); i += word[0].length; continue; }
    const punct = /^(<=|>=|<>|!=|[=<>(),*;])/.exec(q.slice(i));
    if (punct) { tokens.push({ kind: 'punct', value: punct[0] }); i += punct[0].length; continue; }
    throw new SuiteQlError(`unexpected character '${c}'`);
  }
  while (tokens.length && tokens[tokens.length - 1].value === ';') tokens.pop();
  return tokens;
}

/** Parses a query of the supported subset. */
export function parseSuiteQl(q: string): SuiteQlQuery {
  const t = tokenize(q);
  let pos = 0;
  const peek = () => t[pos];
  const isWord = (w: string) => peek()?.kind === 'word' && peek().value.toUpperCase() === w;
  const expectWord = (w: string) => {
    if (!isWord(w)) throw new SuiteQlError(`expected ${w}${peek() ? ` near '${peek().value}'` : ' at end of query'}`);
    pos++;
  };
  const ident = (what: string) => {
    const tok = t[pos++];
    if (!tok || tok.kind !== 'word' || ['SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'ORDER', 'GROUP', 'BY', 'IN', 'AS'].includes(tok.value.toUpperCase())) {
      throw new SuiteQlError(`expected ${what}${tok ? ` near '${tok.value}'` : ' at end of query'}`);
    }
    return tok.value.toLowerCase();
  };
  const value = () => {
    const tok = t[pos++];
    if (!tok || (tok.kind !== 'string' && tok.kind !== 'number')) throw new SuiteQlError(`expected a value${tok ? ` near '${tok.value}'` : ''}`);
    return tok.value;
  };

  const punct = (p: string) => {
    if (peek()?.value !== p) throw new SuiteQlError(`expected '${p}'${peek() ? ` near '${peek().value}'` : ' at end of query'}`);
    pos++;
  };
  /** col | MAX(col) | MIN(col) | COUNT(*) */
  const operand = (): Omit<SelectItem, 'as'> => {
    const fn = peek()?.kind === 'word' ? peek().value.toUpperCase() : '';
    if ((fn === 'MAX' || fn === 'MIN' || fn === 'COUNT') && t[pos + 1]?.value === '(') {
      pos += 2;
      let column: string;
      if (fn === 'COUNT' && peek()?.value === '*') { pos++; column = '*'; } else column = ident('a column');
      punct(')');
      return { column, agg: fn };
    }
    return { column: ident('a column') };
  };
  const item = (): SelectItem => {
    let it: Omit<SelectItem, 'as'>;
    if (isWord('TO_CHAR') && t[pos + 1]?.value === '(') {
      pos += 2;
      const inner = operand();
      punct(',');
      const fmt = t[pos++];
      if (fmt?.kind !== 'string') throw new SuiteQlError('expected a format string in TO_CHAR');
      if (fmt.value !== TO_CHAR_FORMAT) throw new SuiteQlError(`unsupported TO_CHAR format '${fmt.value}'`);
      punct(')');
      it = { ...inner, toChar: fmt.value };
    } else it = operand();
    let as = it.agg || it.toChar ? 'expr' : it.column;
    if (isWord('AS')) { pos++; as = ident('an alias'); }
    return { ...it, as };
  };

  expectWord('SELECT');
  let columns: SelectItem[] | '*';
  if (peek()?.value === '*') { pos++; columns = '*'; } else {
    columns = [item()];
    while (peek()?.value === ',') { pos++; columns.push(item()); }
  }
  expectWord('FROM');
  const table = ident('a table');
  const where: Condition[] = [];
  if (isWord('WHERE')) {
    pos++;
    for (;;) {
      let fn: Condition['fn'];
      if ((isWord('UPPER') || isWord('LOWER')) && t[pos + 1]?.value === '(') {
        fn = t[pos].value.toUpperCase() as Condition['fn'];
        pos += 2;
      }
      const column = ident('a column');
      if (fn) {
        if (peek()?.value !== ')') throw new SuiteQlError(`expected ')' to close ${fn}(`);
        pos++;
      }
      const op = peek();
      if (op?.kind === 'word' && op.value.toUpperCase() === 'IN') {
        pos++;
        if (peek()?.value !== '(') throw new SuiteQlError("expected '(' after IN");
        pos++;
        const values = [value()];
        while (peek()?.value === ',') { pos++; values.push(value()); }
        if (peek()?.value !== ')') throw new SuiteQlError("expected ')' to close IN");
        pos++;
        where.push({ column, op: 'IN', values, ...(fn ? { fn } : {}) });
      } else if (op?.kind === 'punct' && ['=', '!=', '<>', '<', '<=', '>', '>='].includes(op.value)) {
        pos++;
        where.push({ column, op: (op.value === '<>' ? '!=' : op.value) as Condition['op'], values: [value()], ...(fn ? { fn } : {}) });
      } else throw new SuiteQlError(`unsupported condition${op ? ` near '${op.value}'` : ''}`);
      if (isWord('AND')) { pos++; continue; }
      break;
    }
  }
  const groupBy: string[] = [];
  if (isWord('GROUP')) {
    pos++;
    expectWord('BY');
    groupBy.push(ident('a column'));
    while (peek()?.value === ',') { pos++; groupBy.push(ident('a column')); }
  }
  const orderBy: SuiteQlQuery['orderBy'] = [];
  if (isWord('ORDER')) {
    pos++;
    expectWord('BY');
    for (;;) {
      const column = ident('a column');
      let desc = false;
      if (isWord('ASC')) pos++;
      else if (isWord('DESC')) { pos++; desc = true; }
      orderBy.push({ column, desc });
      if (peek()?.value === ',') { pos++; continue; }
      break;
    }
  }
  if (pos < t.length) throw new SuiteQlError(`unsupported syntax near '${t[pos].value}'`);
  if (columns !== '*') {
    const aggregated = columns.some((c) => c.agg);
    const bare = columns.filter((c) => !c.agg).map((c) => c.column);
    if ((aggregated || groupBy.length) && bare.some((c) => !groupBy.includes(c))) throw new SuiteQlError(`not a GROUP BY expression: ${bare.find((c) => !groupBy.includes(c))}`);
  } else if (groupBy.length) throw new SuiteQlError('not a GROUP BY expression: *');
  return { columns, groupBy, table, where, orderBy };
}
