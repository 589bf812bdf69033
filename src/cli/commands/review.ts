import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { auditSnapshot } from '../../core/audit';
import { checkAccess } from '../../core/access/checks';
import type { RoleAccessFacts } from '../../core/access/facts';
import { AuditError, formatIssue } from '../../core/errors';
import { jsonText } from '../../core/format/json-text';
import { terminalLines } from '../../core/format/escape';
import { plural } from '../../core/format/plural';
import type { Policy, RoleSnapshot } from '../../core/model';
import { checkReview, REVIEW_KIND, reviewItems, remediationLines, waiverLines, type ReviewDoc, type ReviewGap } from '../../core/review/review';
import { formatReview, parseReview } from '../../core/review/read-review';
import { decisionsCsv, reviewSummaryHtml } from '../../core/review/evidence';
import { roleMatcher } from '../../core/role/role-match';
import { formatSnapshot, parseSnapshot } from '../../core/role/snapshot';
import { canonicalRole } from '../../core/role/canonical';
import { parseRoleSelector, describeSelector } from '../../core/role/select';
import { readConfig } from '../../adapters/config';
import { sha256Hex } from '../../adapters/hash';
import { readPolicy } from '../../adapters/read-policy';
import { readTextFile } from '../../adapters/read-file';
import { roleKey } from '../../adapters/history-store';
import { createFileSource } from '../../adapters/role-files';
import { createLiveSource } from '../../adapters/sources/live-source';
import type { RoleSource } from '../../adapters/sources/role-source';
import { inputPath, oneOf, parseCommandArgs } from '../args';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';
import { openLiveSession } from '../live';
import { writeOutputFile } from '../output';
import { toolVersion } from '../version';
import { todayFrom } from './audit';

export const REVIEW_HELP = `Usage: ns-role-audit review start (--policy <file> [--role <id>] [--role-file <path>] | --config <file>) --out <dir>
       ns-role-audit review check <dir> [--format table|json]
       ns-role-audit review report <dir> --out <evidence dir>

Periodic access reviews with sign-off, as files you edit by hand or in a pull request.

start   writes, per role, <dir>/<account>/<role>.review.yaml and the snapshot it is
        made from (<role>.snapshot.json, its SHA-256 in the review): every
        permission, flag, setting and restriction the role has and, read live,
        every holder, each with decision: ~ (keep, change or remove) and reason: ~,
        and per file reviewedBy: ~ and reviewedAt: ~. A policy's findings are
        noted on the items they concern. Never overwrites a review.
check   exit 0 when every review under <dir> is complete: each item decided
        (change and remove with a reason), signed, and its snapshot unchanged;
        exit 1 naming what is left; exit 2 for a file that is not a review.
report  writes the evidence bundle for complete reviews: summary.html, a CSV of
        every decision, the reviews and snapshots, remediation.md (the changes and
        removals to make), waivers.yaml (what was kept although the policy flags
        it, with the reviewer's reason, for 90 days) and SHA256SUMS over all of
        them (sha256 -c verifies it). Refuses incomplete reviews (exit 1).

Options for start: --connection <name>, --config <file>, --today <YYYY-MM-DD>, --verbose
Exit codes: 0 done/complete, 1 incomplete, 2 bad input.
`;

type Values = Record<string, string | boolean | string[] | undefined>;

/** Every review file under a folder. */
function reviewFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory() && !e.name.startsWith('.')) walk(p);
      else if (e.isFile() && e.name.endsWith('.review.yaml')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** Writes one role's review and snapshot; refuses to overwrite a review in progress. */
function startOne(io: CliIo, out: string, account: string, role: RoleSnapshot, policy: Policy, today: string, access?: RoleAccessFacts): string {
  const key = roleKey(role);
  const folder = join(out, account);
  const reviewFile = join(folder, `${key}.review.yaml`);
  if (existsSync(reviewFile)) throw new AuditError('USAGE', `${relative(io.cwd, reviewFile)} exists: a review in progress is never overwritten`, { details: { hint: 'finish it (review check), or move it away to start again' } });
  const c = canonicalRole(role);
  const stable: RoleSnapshot = { ...role, flags: c.flags as RoleSnapshot['flags'], settings: c.settings as RoleSnapshot['settings'], permissions: c.permissions };
  const snapshotText = formatSnapshot([stable], { capturedAt: io.now().toISOString(), account, source: role.origin }, 'json');
  const snapshotName = `${key}.snapshot.json`;
  const audited = auditSnapshot(policy, role, { selector: role.scriptId ? { scriptId: role.scriptId } : { internalId: role.internalId }, source: { kind: 'review', location: role.origin }, today });
  // What the access checks say of each holder (dormant, global permissions, not allowed) is noted on its item.
  const findings = [...audited.findings, ...(access && !policy.holders ? checkAccess(access, { today }).flatMap((r) => r.findings) : [])];
  const holders = access?.holders.ok ? access.holders.list : undefined;
  const doc: ReviewDoc = {
    kind: REVIEW_KIND, version: 1, account,
    role: { ...(role.scriptId ? { scriptId: role.scriptId } : {}), ...(role.internalId ? { internalId: role.internalId } : {}), ...(role.name ? { name: role.name } : {}) },
    policy: policy.file, startedAt: io.now().toISOString(), snapshot: { file: snapshotName, sha256: sha256Hex(snapshotText) },
    reviewedBy: null, reviewedAt: null, items: reviewItems(role, findings, holders),
  };
  writeOutputFile(io, join(folder, snapshotName), snapshotText);
  writeOutputFile(io, reviewFile, formatReview(doc));
  return `${relative(io.cwd, reviewFile)}: ${plural(doc.items.length, 'item')} to decide`;
}

async function start(values: Values, io: CliIo): Promise<number> {
  if (!values.out) throw new AuditError('USAGE', 'review start: --out <dir> is required');
  const out = resolve(io.cwd, values.out as string);
  const today = todayFrom(values.today as string | undefined, io);
  const lines: string[] = [];
  // Live roles with their holders where the token may read them.
  const reviewLive = async (source: RoleSource, policy: Policy, roles: Array<RoleSnapshot | undefined>) => {
    for (const role of roles) {
      if (!role) continue;
      const access = source.readAccess && role.internalId ? await source.readAccess(role.internalId) : undefined;
      if (access && !access.facts.holders.ok) io.stderr.write(`ns-role-audit: note: holders of ${role.scriptId ?? role.internalId} not listed: ${access.facts.holders.why}\n`);
      lines.push(startOne(io, out, source.account ?? 'FILES', role, policy, today, access?.facts));
    }
  };
  if (values.policy) {
    const policy = readPolicy(values.policy as string, { today });
    const selector = values.role ? parseRoleSelector(values.role as string) : policy.role;
    const source = values['role-file'] ? createFileSource(values['role-file'] as string) : createLiveSource(openLiveSession({ connection: values.connection as string, config: values.config as string, verbose: values.verbose as boolean }, io), 'suiteql');
    const { role } = await source.fetchRole(selector);
    if (!role) throw new AuditError('ROLE_NOT_FOUND', `no role ${describeSelector(selector)} in ${source.location}`);
    await reviewLive(source, policy, [role]);
  } else if (values.config) {
    const config = readConfig(resolve(io.cwd, values.config as string));
    for (const name of Object.keys(config.connections)) {
      const source = createLiveSource(openLiveSession({ connection: name, config: values.config as string, verbose: values.verbose as boolean }, io), 'suiteql');
      const listed = await source.listRoles();
      for (const audit of config.audits.filter((a) => !a.connections || a.connections.includes(name))) {
        const policy = readPolicy(audit.policy, { today });
        const picked = listed.filter((r) => audit.roles.some((p) => roleMatcher(p)(r)));
        await reviewLive(source, policy, await Promise.all(picked.map(async (r) => (await source.fetchRole({ internalId: r.internalId })).role)));
      }
    }
  } else throw new AuditError('USAGE', 'review start: give --policy (one role) or --config (the roles its audits list)', { details: { hint: "run 'ns-role-audit review --help'" } });
  for (const l of lines) io.stdout.write(`${terminalLines(l)}\n`);
  io.stderr.write(`started ${plural(lines.length, 'review')} in ${values.out}: decide each item, sign, then ns-role-audit review check ${values.out}\n`);
  return EXIT.OK;
}

/** Every review under a folder, read and checked against its snapshot. */
function readReviews(dir: string, io: CliIo): Array<{ file: string; doc: ReviewDoc; gaps: ReviewGap[]; snapshotFile: string }> {
  const root = resolve(io.cwd, dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new AuditError('USAGE', `${dir}: no such folder`);
  const files = reviewFiles(root);
  if (!files.length) throw new AuditError('USAGE', `${dir}: no *.review.yaml files`, { details: { hint: 'start reviews with ns-role-audit review start' } });
  const bad: string[] = [];
  const out = [];
  for (const file of files) {
    const shown = relative(io.cwd, file);
    const { doc, issues } = parseReview(shown, readTextFile(file, 'policy'));
    if (!doc) { bad.push(...issues.map(formatIssue)); continue; }
    if (/[/\\]/.test(doc.snapshot.file) || doc.snapshot.file.startsWith('.')) { bad.push(`${shown}: snapshot.file must name a file beside the review`); continue; }
    const snapshotFile = join(dirname(file), doc.snapshot.file);
    let sha: string | undefined;
    let items;
    if (existsSync(snapshotFile)) {
      const text = readTextFile(snapshotFile, 'role');
      sha = sha256Hex(readFileSync(snapshotFile));
      const roles = parseSnapshot(relative(io.cwd, snapshotFile), text);
      items = roles.length === 1 ? reviewItems(roles[0], []) : undefined;
    }
    out.push({ file: shown, doc, gaps: checkReview(doc, { ...(sha !== undefined ? { snapshotSha256: sha } : {}), ...(items ? { items } : {}) }), snapshotFile });
  }
  if (bad.length) throw new AuditError('REVIEW_INVALID', `${plural(bad.length, 'problem')} in the review files:\n${bad.join('\n')}`);
  return out;
}

function check(dir: string, values: Values, io: CliIo): number {
  const format = oneOf('format', (values.format as string | undefined) ?? 'table', ['table', 'json'] as const);
  const reviews = readReviews(dir, io);
  if (format === 'json') io.stdout.write(jsonText({ complete: reviews.every((r) => !r.gaps.length), reviews: reviews.map((r) => ({ file: r.file, role: r.doc.role, account: r.doc.account, complete: !r.gaps.length, gaps: r.gaps })) }) + '\n');
  else {
    for (const r of reviews) {
      const n = (x: string) => r.doc.items.filter((i) => i.decision === x).length;
      io.stdout.write(terminalLines(r.gaps.length
        ? `✗ ${r.file}: ${plural(r.gaps.length, 'thing')} left\n${r.gaps.map((g) => `  ${g.message}`).join('\n')}`
        : `✓ ${r.file}: complete (${n('keep')} keep, ${n('change')} change, ${n('remove')} remove; reviewed by ${r.doc.reviewedBy} on ${r.doc.reviewedAt})`) + '\n');
    }
  }
  return reviews.every((r) => !r.gaps.length) ? EXIT.OK : EXIT.FINDINGS;
}

function report(dir: string, values: Values, io: CliIo): number {
  if (!values.out) throw new AuditError('USAGE', 'review report: --out <evidence dir> is required');
  const reviews = readReviews(dir, io);
  const open = reviews.filter((r) => r.gaps.length);
  if (open.length) {
    io.stderr.write(`ns-role-audit: ${plural(open.length, 'review')} not complete: evidence is only written for finished reviews (run review check ${dir})\n`);
    return EXIT.FINDINGS;
  }
  const out = resolve(io.cwd, values.out as string);
  if (existsSync(out) && readdirSync(out).length) throw new AuditError('USAGE', `--out ${values.out}: the folder is not empty`, { details: { hint: 'evidence goes to a new folder, so its checksums cover exactly what it holds' } });
  const root = resolve(io.cwd, dir);
  const written: string[] = [];
  const put = (name: string, text: string) => { writeOutputFile(io, join(out, name), text); written.push(name); };
  for (const r of reviews) {
    for (const f of [resolve(io.cwd, r.file), r.snapshotFile]) {
      const name = ['reviews', ...relative(root, f).split(sep)].join('/');
      mkdirSync(dirname(join(out, name)), { recursive: true });
      copyFileSync(f, join(out, name));
      written.push(name);
    }
  }
  const docs = reviews.map((r) => ({ file: ['reviews', ...relative(root, resolve(io.cwd, r.file)).split(sep)].join('/'), doc: r.doc }));
  put('summary.html', reviewSummaryHtml(docs, { generatedAt: io.now().toISOString(), tool: `ns-role-audit ${toolVersion()}` }));
  put('decisions.csv', decisionsCsv(docs));
  const steps = reviews.flatMap((r) => remediationLines(r.doc));
  put('remediation.md', `# Changes the access review decided\n\n${steps.length ? steps.join('\n') : 'None: every item was kept.'}\n`);
  const waivers = reviews.flatMap((r) => waiverLines(r.doc));
  put('waivers.yaml', `# Items kept although the policy flags them, with the reviewer's reason, until the next review.\n# Paste under waivers: in the role's policy.\nwaivers:${waivers.length ? `\n${waivers.join('\n')}` : ' []'}\n`);
  // Over the bytes as written, as sha256sum reads them.
  const sums = written.sort().map((name) => `${sha256Hex(readFileSync(join(out, name)))}  ${name}`);
  writeOutputFile(io, join(out, 'SHA256SUMS'), `${sums.join('\n')}\n`);
  io.stderr.write(`wrote ${values.out}: evidence of ${plural(reviews.length, 'review')} (${written.length + 1} files, SHA256SUMS over them)\n`);
  return EXIT.OK;
}

/** `ns-role-audit review`. */
export async function runReview(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('review', argv, {
    policy: { type: 'string' }, role: { type: 'string' }, 'role-file': { type: 'string' }, config: { type: 'string' }, connection: { type: 'string' },
    out: { type: 'string' }, today: { type: 'string' }, format: { type: 'string' }, verbose: { type: 'boolean', default: false },
  }, true);
  if (values.help) { io.stdout.write(REVIEW_HELP); return EXIT.OK; }
  const [verb, dir] = positionals;
  for (const flag of ['policy', 'role-file', 'config'] as const) inputPath(`--${flag}`, values[flag]);
  switch (verb) {
    case 'start': return start(values, io);
    case 'check':
    case 'report':
      if (!dir) throw new AuditError('USAGE', `review ${verb}: name the review folder`, { details: { hint: `ns-role-audit review ${verb} reviews/2026-q4${verb === 'report' ? ' --out evidence/2026-q4' : ''}` } });
      return verb === 'check' ? check(dir, values, io) : report(dir, values, io);
    default:
      throw new AuditError('USAGE', `review: ${verb ? `'${verb}' is not start, check or report` : 'say start, check or report'}`, { details: { hint: "run 'ns-role-audit review --help'" } });
  }
}
