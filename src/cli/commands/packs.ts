import { AuditError } from '../../core/errors';
import { terminalText } from '../../core/format/escape';
import { packFile, packNames, shippedPolicyNames, summarizePack, type PackSummary } from '../../adapters/packs';
import { readPolicy } from '../../adapters/read-policy';
import { oneOf, parseCommandArgs } from '../args';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';
import { jsonText } from '../../core/format/json-text';

const PACKS_HELP = `Usage: ns-role-audit packs [<name>] [--format table|json]

Lists the shipped policy packs: one policy per integration whose vendor publishes its
NetSuite role in full, in the vendor's own words, with the page it comes from
(vendor, product, the date or version the page states) and what the guide leaves to
you. "sod" holds segregation-of-duties conflict rules. With a name, shows that pack's
source and what it leaves to you.

Use a pack from your own policy, which names your role and adds the rest:
  extends: [pack:census]
or start one from a live role: ns-role-audit pull --as policy --pack census

Exit codes: 0 listed, 2 no such pack.
`;

function table(packs: PackSummary[]): string {
  const rows = packs.map((p) => [p.name, p.vendor, p.product, p.date, p.conflicts ? `${p.conflicts} conflicts` : `${p.permissions} permissions`]);
  const head = ['pack', 'vendor', 'product', 'source date', 'holds'];
  const caps = [26, 30, 40, 34, 20];
  const width = head.map((h, i) => Math.min(caps[i], Math.max(h.length, ...rows.map((r) => r[i].length))));
  const cut = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s);
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : cut(c, width[i]).padEnd(width[i]))).join('  ').trimEnd();
  return [line(head), ...rows.map(line), '', `${packs.length} packs. Use one with extends: [pack:<name>]; 'ns-role-audit packs <name>' shows its source.`].map(terminalText).join('\n') + '\n';
}

/** `ns-role-audit packs`. */
export async function runPacks(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('packs', argv, { format: { type: 'string', default: 'table' } }, true);
  if (values.help) { io.stdout.write(PACKS_HELP); return EXIT.OK; }
  const format = oneOf('format', values.format!, ['table', 'json'] as const);
  if (positionals.length > 1) throw new AuditError('USAGE', 'packs: name at most one pack');
  const all = packNames();
  const unknown = positionals.find((n) => !all.includes(n));
  if (unknown !== undefined) throw new AuditError('PACK_NOT_FOUND', `no policy pack named '${unknown}'`, { details: { hint: `packs: ${all.join(', ')}` } });
  const names = positionals.length ? positionals : all;
  const packs = names.map((n) => summarizePack(n, readPolicy(packFile(`pack:${n}`)!)));
  if (format === 'json') { io.stdout.write(jsonText({ packs }) + '\n'); return EXIT.OK; }
  if (!positionals.length) {
    io.stdout.write(table(packs));
    io.stdout.write(`\nAlso reachable as pack:<name>: the shipped ${shippedPolicyNames().map((n) => `pack:${n}`).join(', ')} (policies/ and policies/templates/ in the package).\n`);
    return EXIT.OK;
  }
  const p = packs[0];
  const out = [`${p.name}: ${p.vendor}, ${p.product}`, `  source: ${p.url}`, `  date: ${p.date}`, `  ${p.conflicts ? `${p.conflicts} conflict rules` : `${p.permissions} permissions`}`];
  if (p.leftToUser.length) out.push('  left to you:', ...p.leftToUser.map((x) => `    - ${x}`));
  out.push(`  use it: extends: [pack:${p.name}]`);
  io.stdout.write(out.map(terminalText).join('\n') + '\n');
  return EXIT.OK;
}
