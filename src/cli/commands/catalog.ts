import { getCatalog, levelLabel, subtabLabel, SUBTABS, type Subtab } from '../../core/catalog';
import { parseCommandArgs, oneOf } from '../args';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';
import { jsonText } from '../../core/format/json-text';

/** The help, with the catalog's true size (Oracle's table and the IDs beyond it). */
export function catalogHelp(): string {
  const all = getCatalog().all();
  const oracle = all.filter((p) => p.provenance === 'oracle').length;
  return `Usage: ns-role-audit catalog [words] [options]

Searches NetSuite's permission catalog (${all.length} IDs: ${oracle} from Oracle's
permission table, ${all.length - oracle} seen beyond it) by ID, name or alias,
singular or plural. With no words, lists everything.

Options:
  --subtab <name>    transactions, reports, lists, setup or customRecords
  --limit <n>        at most n rows (default 50; 0 = all)
  --format <name>    table (default) or json
  -h, --help         show this help

Exit codes: 0 found (or listed), 1 nothing matches, 2 bad flags.
`;
}

/** `ns-role-audit catalog`. */
export async function runCatalog(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('catalog', argv, {
    subtab: { type: 'string' },
    limit: { type: 'string', default: '50' },
    format: { type: 'string', default: 'table' },
  }, true);
  if (values.help) { io.stdout.write(catalogHelp()); return EXIT.OK; }
  const format = oneOf('format', values.format!, ['table', 'json'] as const);
  const subtab = values.subtab ? oneOf<Subtab>('subtab', values.subtab, SUBTABS) : undefined;
  const limit = Number(values.limit);
  const catalog = getCatalog();
  const query = positionals.join(' ');
  let rows = [...catalog.search(query, Number.MAX_SAFE_INTEGER)];
  if (subtab) rows = rows.filter((p) => p.subtab === subtab);
  if (Number.isFinite(limit) && limit > 0) rows = rows.slice(0, limit);
  if (format === 'json') {
    io.stdout.write(jsonText(rows) + '\n');
    return rows.length ? EXIT.OK : EXIT.FINDINGS;
  }
  if (!rows.length) {
    io.stdout.write(`no permission matches ${JSON.stringify(query)}\n`);
    return EXIT.FINDINGS;
  }
  const idW = Math.max(2, ...rows.map((p) => p.id.length));
  const nameW = Math.max(4, ...rows.map((p) => p.name.length));
  io.stdout.write(`${'ID'.padEnd(idW)}  ${'Name'.padEnd(nameW)}  ${'Subtab'.padEnd(13)}  Levels\n`);
  for (const p of rows) {
    const aka = p.aliases.length ? `  (also: ${p.aliases.join(', ')})` : '';
    io.stdout.write(`${p.id.padEnd(idW)}  ${p.name.padEnd(nameW)}  ${subtabLabel(p.subtab).padEnd(13)}  ${p.levels.map(levelLabel).join('/')}${aka}\n`);
  }
  return EXIT.OK;
}
