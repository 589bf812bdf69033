/**
 * SARIF 2.1.0 (OASIS), for code scanning: one rule per finding code, one result per finding, the
 * primary location where the fix belongs (the permission's line in an SDF role file, else the
 * policy rule), the policy rule as a related location, accepted findings as suppressions, and a
 * fingerprint that follows a finding across runs (the baseline's identity, hashed).
 */
import { findingKey } from '../baseline';
import { FINDING_CODES, type AuditReport, type Finding, type FindingCode, type RoleAudit, type RoleComparison, type Severity, type SourceLoc } from '../model';
import { comparisonRows, rowDiffers } from './comparison';
import { FINDING_HELP, isShippedPolicy, securitySeverity } from './finding-help';
import { fnv1a64 } from './fingerprint';
import { acceptanceText, describeFinding, roleLabel, runErrorText } from './messages';
import type { Formatter } from './registry';
import { jsonText } from './json-text';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const CODES = Object.keys(FINDING_CODES) as FindingCode[];
/** The key of the fingerprint; its version changes only if the identity does (v2: the policy by its path as written, not its base name). */
const FINGERPRINT = 'nsRoleAuditFinding/v2';
/** The package's registry page (the tool's home once published), for `informationUri`; every rule's help is complete without it. */
const HOME_URL = 'https://www.npmjs.com/package/ns-role-audit';

/** GitHub code scanning takes at most this many results in one run of a SARIF upload (docs.github.com, "SARIF support for code scanning", upload limits). */
export const SARIF_RESULTS_PER_RUN_GITHUB = 25_000;

/** Said when a report's SARIF would hold more results than code scanning takes: how many, and what to do. */
export function sarifSizeWarning(report: AuditReport): string | undefined {
  const results = report.results.reduce((n, r) => n + r.findings.length, 0);
  if (results <= SARIF_RESULTS_PER_RUN_GITHUB) return undefined;
  return `the SARIF report holds ${results.toLocaleString('en-US')} results; GitHub code scanning takes at most ${SARIF_RESULTS_PER_RUN_GITHUB.toLocaleString('en-US')} in one run and would refuse the upload. Accepted findings count too (they are suppressed results): upload in parts, a config with fewer audits per step, each SARIF under its own category`;
}

/** A path as a SARIF artifact location: relative paths against the checkout root, absolute ones as file URIs. */
export function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  const posix = path.replace(/\\/g, '/');
  const encoded = posix.split('/').map((s) => (/^[A-Za-z]:$/.test(s) ? s : encodeURIComponent(s))).join('/');
  if (/^\//.test(posix)) return { uri: `file://${encoded}` };
  if (/^[A-Za-z]:\//.test(posix)) return { uri: `file:///${encoded}` };
  return { uri: encoded.replace(/^(\.\/)+/, ''), uriBaseId: '%SRCROOT%' };
}

function physical(loc: SourceLoc) {
  return { artifactLocation: artifactLocation(loc.file), region: { startLine: Math.max(1, loc.line), startColumn: Math.max(1, loc.column) } };
}

function findingRules() {
  return CODES.map((code) => ({
    id: code,
    name: FINDING_HELP[code].title.replace(/(^|\s)(\w)/g, (_m, _s, ch: string) => ch.toUpperCase()).replace(/\W/g, ''),
    shortDescription: { text: FINDING_HELP[code].title },
    fullDescription: { text: FINDING_HELP[code].help },
    // The whole help is in the rule: code scanning shows it without a website.
    help: { text: `${FINDING_HELP[code].help} (ns-role-audit finding ${code})`, markdown: `**${FINDING_HELP[code].title}** (\`${code}\`)\n\n${FINDING_HELP[code].help}` },
    defaultConfiguration: { level: LEVEL[FINDING_CODES[code]] },
    properties: { tags: ['netsuite', 'role', 'security'], 'security-severity': securitySeverity(code, FINDING_CODES[code]) },
  }));
}

function suppression(f: Finding) {
  const a = f.accepted!;
  const where = (a.by === 'waiver' || a.by === 'policy') && !isShippedPolicy(a.loc.file) ? { location: { physicalLocation: physical(a.loc) } } : {};
  return { kind: 'external', status: 'accepted', justification: acceptanceText(a), ...where };
}

/**
 * Where in the repository a finding's rule stands: its own line, unless it comes from a shipped
 * policy (pack:<name>, inside the installed package): then the user's policy that extends it.
 */
export function repositoryPolicyLoc(r: RoleAudit, f: Finding): SourceLoc | undefined {
  const loc = f.loc ?? { file: r.policy.file, line: 1, column: 1 };
  if (!isShippedPolicy(loc.file)) return loc;
  return isShippedPolicy(r.policy.file) ? undefined : { file: r.policy.file, line: 1, column: 1 };
}

function result(r: RoleAudit, f: Finding) {
  const role = roleLabel(r);
  const policyLoc = repositoryPolicyLoc(r, f);
  const primary = f.roleLoc ?? policyLoc;
  const fromPack = f.loc && isShippedPolicy(f.loc.file) ? ` (rule from ${f.loc.file}, line ${f.loc.line})` : '';
  const text = `${role}: ${f.message ?? describeFinding(f)}${fromPack}`;
  return {
    ruleId: f.code,
    ruleIndex: CODES.indexOf(f.code),
    level: LEVEL[f.severity],
    message: { text },
    ...(primary ? { locations: [{ physicalLocation: physical(primary) }] } : {}),
    ...(f.roleLoc && policyLoc ? { relatedLocations: [{ id: 1, physicalLocation: physical(policyLoc), message: { text: `the policy rule (${f.rule})` } }] } : {}),
    partialFingerprints: { [FINGERPRINT]: fnv1a64(`${r.source.account ?? ''}|${findingKey(r, f)}`) },
    ...(f.accepted ? { suppressions: [suppression(f)] } : {}),
    properties: {
      role, rule: f.rule, source: `${r.source.kind} ${r.source.location}`,
      ...(r.source.account ? { account: r.source.account } : {}),
      ...(f.permission ? { permission: f.permission.id } : {}),
    },
  };
}

function run(tool: { name: string; version?: string }, rules: unknown[], results: unknown[], notifications: unknown[], ok: boolean, verdict?: string) {
  const version = tool.version ? { version: tool.version, semanticVersion: tool.version } : {};
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: tool.name, ...version, informationUri: HOME_URL, rules } },
      invocations: [{ executionSuccessful: ok, toolExecutionNotifications: notifications, ...(verdict ? { properties: { verdict } } : {}) }],
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}

/** An audit report as SARIF 2.1.0. */
export const formatSarif: Formatter<AuditReport> = (report) => {
  const results = report.results.flatMap((r) => r.findings.map((f) => result(r, f)));
  const notes = [
    ...report.results.flatMap((r) => r.notes.map((n) => ({ level: 'note', message: { text: `${roleLabel(r)}: ${n}` } }))),
    ...(report.errors ?? []).map((e) => ({ level: 'error', message: { text: runErrorText(e) } })),
  ];
  return jsonText(run(report.tool, findingRules(), results, notes, report.summary.verdict !== 'incomplete', report.summary.verdict)) + '\n';
};

/** A comparison as SARIF: one ROLE_DIFFERENCE result per line that differs (no source location: two roles, no policy). */
export const formatComparisonSarif: Formatter<RoleComparison> = (c) => {
  const help = 'A flag, setting or permission differs between the two roles compared.';
  const rule = {
    id: 'ROLE_DIFFERENCE', name: 'RoleDifference', shortDescription: { text: 'Roles differ' }, fullDescription: { text: help },
    help: { text: help, markdown: help }, defaultConfiguration: { level: 'warning' }, properties: { tags: ['netsuite', 'role'] },
  };
  const unseen = 'A flag, setting or permission one side cannot show (or shows ambiguously), so the roles are not shown to be the same.';
  const notCompared = { ...rule, id: 'NOT_COMPARED', name: 'NotCompared', shortDescription: { text: 'Cannot compare' }, fullDescription: { text: unseen }, help: { text: unseen, markdown: unseen }, defaultConfiguration: { level: 'warning' } };
  const results = comparisonRows(c).filter((row) => rowDiffers(row) || row.kind === 'unknown').map((row) => {
    const differs = rowDiffers(row);
    return {
      ruleId: differs ? 'ROLE_DIFFERENCE' : 'NOT_COMPARED', ruleIndex: differs ? 0 : 1, level: differs || !c.acceptedUnverified ? 'warning' : 'note', message: { text: row.message },
      partialFingerprints: { [FINGERPRINT]: fnv1a64(`${c.left.role}|${c.right.role}|${row.group}|${row.name}`) },
      ...(!differs && c.acceptedUnverified ? { suppressions: [{ kind: 'external', status: 'accepted', justification: acceptanceText({ by: 'accept-unverified' }) }] } : {}),
      properties: { group: row.group, left: row.left, right: row.right },
    };
  });
  return jsonText(run(c.tool ?? { name: 'ns-role-audit' }, [rule, notCompared], results, [], true, c.verdict)) + '\n';
};
