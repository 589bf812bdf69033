import { levelLabel, SUBTABS, subtabLabel } from '../catalog';
import type { PermissionDifference, RoleComparison } from '../model';
import { xmlEscape } from '../xml-tree';
import { createStyle } from './ansi';
import { markdownText as t, terminalText } from './escape';
import type { Formatter } from './registry';
import { plural } from './plural';
import { jsonText } from './json-text';

/** A row of role-level differences: a flag, a setting, a record restriction or a custom field. */
interface SettingRow { label: string; left: string; right: string; kind: 'same' | 'different' | 'unknown' }

const flagText = (v: boolean | null) => (v === null ? 'unknown' : v ? 'checked' : 'unchecked');

/** Flags, then settings, restrictions and custom fields, as rows; `same` rows dropped. */
function settingRows(c: RoleComparison): SettingRow[] {
  return [
    ...c.flags.map((f) => ({ label: f.label, left: flagText(f.left), right: flagText(f.right), kind: f.kind })),
    ...c.settings.map((s) => ({ label: s.label, left: s.left ?? 'unknown', right: s.right ?? 'unknown', kind: s.kind })),
  ].filter((r) => r.kind !== 'same');
}

/** A permission line's level, with its Restrict column when set: `Full (restrict: EDIT)`. */
function lineText(level: string | undefined, restriction: string | undefined): string {
  if (!level) return '—';
  const l = levelLabel(level as never);
  return restriction ? `${l} (restrict: ${restriction})` : l;
}
const leftText = (d: PermissionDifference) => lineText(d.left, d.leftRestriction);
const rightText = (d: PermissionDifference) => lineText(d.right, d.rightRestriction);

function describe(d: PermissionDifference, c: RoleComparison): string {
  if (d.kind === 'only-left') return `only in ${c.left.label} (${leftText(d)})`;
  if (d.kind === 'only-right') return `only in ${c.right.label} (${rightText(d)})`;
  return `${leftText(d)} in ${c.left.label}, ${rightText(d)} in ${c.right.label}`;
}

/** What could not be compared, each with why: "Support Role (neither side shows it)". */
function unknownList(c: RoleComparison): string {
  return comparisonRows(c).filter((r) => r.kind === 'unknown').map((r) => `${r.name} (${r.why})`).join('; ');
}

/** The closing sentence every format shares. */
function summary(c: RoleComparison): string {
  const k = c.counts;
  const unknown = k.unknown ? ` ${plural(k.unknown, 'field')} could not be compared: ${unknownList(c)}.` : '';
  switch (c.verdict) {
    case 'same':
      return `The roles are the same (${plural(k.same, 'permission')})${k.unknown ? `, except what was accepted unverified (--accept-unverified).${unknown}` : ', every field known on both sides.'}`;
    case 'incomplete':
      return `Nothing differs in what both sides show, but the roles are not shown to be the same:${unknown} (--accept-unverified accepts what cannot be compared.)`;
    case 'different':
      return `${k.onlyLeft} only on the left, ${k.onlyRight} only on the right, ${k.level} at different levels, ${k.restriction} with another restriction, ${plural(k.flags + k.settings, 'setting')} ${k.flags + k.settings === 1 ? 'differs' : 'differ'}; ${k.same} the same.${unknown}`;
  }
}

/** The comparison with every outside string made inert for a terminal. */
function inertForTerminal(c: RoleComparison): RoleComparison {
  const x = (v: string | null) => (v === null ? null : terminalText(v));
  return {
    ...c,
    left: { label: terminalText(c.left.label), role: terminalText(c.left.role) },
    right: { label: terminalText(c.right.label), role: terminalText(c.right.role) },
    settings: c.settings.map((st) => ({ ...st, label: terminalText(st.label), left: x(st.left), right: x(st.right) })),
    permissions: c.permissions.map((d) => ({ ...d, id: terminalText(d.id), name: terminalText(d.name), ...(d.leftRestriction ? { leftRestriction: terminalText(d.leftRestriction) } : {}), ...(d.rightRestriction ? { rightRestriction: terminalText(d.rightRestriction) } : {}) })),
  };
}

/** A comparison as a terminal table, by subtab. */
export const formatComparisonTable: Formatter<RoleComparison> = (raw, ctx) => {
  const s = createStyle(ctx.color);
  const c = inertForTerminal(raw);
  const out = [`${s.bold('left ')}  ${c.left.label}: ${c.left.role}`, `${s.bold('right')}  ${c.right.label}: ${c.right.role}`, ''];
  const rows = settingRows(c);
  const diffs = c.permissions.filter((d) => d.kind !== 'same');
  const w = Math.max(20, ...diffs.map((d) => `${d.name} (${d.id})`.length), ...rows.map((r) => r.label.length));
  const lw = Math.max(14, ...diffs.map((d) => leftText(d).length), ...rows.map((r) => r.left.length));
  const head = s.dim(`  ${''.padEnd(w)}  ${'left'.padEnd(lw)}  right`);
  if (rows.length) {
    out.push(s.bold('Role settings'), head);
    for (const r of rows) out.push(`${r.kind === 'unknown' ? ' ' : s.yellow('≠')} ${r.label.padEnd(w)}  ${r.left.padEnd(lw)}  ${r.right}${r.kind === 'unknown' ? s.dim('  (cannot compare)') : ''}`);
  }
  for (const tab of SUBTABS) {
    const tabDiffs = diffs.filter((d) => d.subtab === tab);
    if (!tabDiffs.length) continue;
    out.push(s.bold(subtabLabel(tab)), head);
    for (const d of tabDiffs) {
      const mark = d.kind === 'only-left' ? s.red('<') : d.kind === 'only-right' ? s.green('>') : d.kind === 'unknown' ? '?' : s.yellow('≠');
      out.push(`${mark} ${`${d.name} (${d.id})`.padEnd(w)}  ${leftText(d).padEnd(lw)}  ${rightText(d)}${d.kind === 'unknown' ? s.dim(`  (cannot compare: ${d.why})`) : ''}`);
    }
  }
  out.push('', c.equal ? s.green(summary(c)) : summary(c));
  return out.join('\n') + '\n';
};

/** A comparison as JSON. */
export const formatComparisonJson: Formatter<RoleComparison> = (c) => jsonText(c) + '\n';

/** A comparison as Markdown tables. */
export const formatComparisonMarkdown: Formatter<RoleComparison> = (c) => {
  const [l, r] = [t(c.left.label), t(c.right.label)];
  const out = [`# Role comparison`, '', `- **${l}**: ${t(c.left.role)}`, `- **${r}**: ${t(c.right.role)}`, '', t(summary(c)), ''];
  const rows = settingRows(c);
  if (rows.length) {
    out.push('## Role settings', '', `| setting | ${l} | ${r} |`, '| --- | --- | --- |', ...rows.map((x) => `| ${t(x.label)} | ${t(x.left)} | ${t(x.right)} |`), '');
  }
  for (const tab of SUBTABS) {
    const diffs = c.permissions.filter((d) => d.subtab === tab && d.kind !== 'same');
    if (!diffs.length) continue;
    out.push(`## ${subtabLabel(tab)}`, '', `| permission | ${l} | ${r} |`, '| --- | --- | --- |', ...diffs.map((d) => `| ${t(`${d.name} (${d.id})`)} | ${t(leftText(d))} | ${t(rightText(d))} |`), '');
  }
  return out.join('\n');
};

/** A comparison as JUnit: one test case per flag, setting and permission, failing where they differ. */
export const formatComparisonJunit: Formatter<RoleComparison> = (c) => {
  const cases = [
    ...c.flags.map((f) => ({ name: f.label, classname: 'settings', fail: f.kind === 'different' ? `${flagText(f.left)} in ${c.left.label}, ${flagText(f.right)} in ${c.right.label}` : undefined, skip: f.kind === 'unknown' ? whoCannot(c, f.left, f.right) : undefined })),
    ...c.settings.map((st) => ({ name: st.label, classname: 'settings', fail: st.kind === 'different' ? `${st.left} in ${c.left.label}, ${st.right} in ${c.right.label}` : undefined, skip: st.kind === 'unknown' ? whoCannot(c, st.left, st.right) : undefined })),
    ...c.permissions.map((d) => ({ name: `${d.name} (${d.id})`, classname: d.subtab, fail: d.kind === 'same' || d.kind === 'unknown' ? undefined : describe(d, c), skip: d.kind === 'unknown' ? d.why ?? 'one side cannot show it' : undefined })),
  ];
  const body = cases.map((t) => {
    const head = `    <testcase classname="${xmlEscape(t.classname)}" name="${xmlEscape(t.name)}"`;
    if (t.fail) return `${head}>\n      <failure type="ROLE_DIFFERENCE" message="${xmlEscape(t.fail)}"/>\n    </testcase>`;
    if (t.skip) return `${head}>\n      <skipped message="${xmlEscape(`cannot compare: ${t.skip}`)}"/>\n    </testcase>`;
    return `${head}/>`;
  }).join('\n');
  const failures = cases.filter((t) => t.fail).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ns-role-audit compare" tests="${cases.length}" failures="${failures}">\n  <testsuite name="${xmlEscape(`${c.left.label} vs ${c.right.label}`)}" tests="${cases.length}" failures="${failures}" skipped="${cases.filter((t) => t.skip).length}" errors="0">\n${body}\n  </testsuite>\n</testsuites>\n`;
};

/** One line of a comparison as the row-shaped formats (SARIF, GitHub, CSV, HTML) show it. */
export interface ComparisonRow {
  /** `settings` or a subtab. */
  group: string;
  name: string;
  left: string;
  right: string;
  kind: 'same' | 'different' | 'unknown' | PermissionDifference['kind'];
  /** Why it cannot be compared (`unknown` rows). */
  why?: string;
  /** The sentence for a difference. */
  message: string;
}

/** Which side cannot show a value: "neither side shows it", "production cannot show it". */
function whoCannot(c: RoleComparison, left: unknown, right: unknown): string {
  if (left === null && right === null) return 'neither side shows it';
  return `${left === null ? c.left.label : c.right.label} cannot show it`;
}

/** Every flag, setting and permission of a comparison as rows, differences and sames alike. */
export function comparisonRows(c: RoleComparison): ComparisonRow[] {
  const setting = (label: string, left: string, right: string, kind: SettingRow['kind'], why: string): ComparisonRow => ({
    group: 'settings', name: label, left, right, kind,
    ...(kind === 'unknown' ? { why } : {}),
    message: kind === 'unknown' ? `${label}: cannot compare (${why})` : `${label}: ${left} in ${c.left.label}, ${right} in ${c.right.label}`,
  });
  return [
    ...c.flags.map((f) => setting(f.label, flagText(f.left), flagText(f.right), f.kind, whoCannot(c, f.left, f.right))),
    ...c.settings.map((s) => setting(s.label, s.left ?? 'unknown', s.right ?? 'unknown', s.kind, whoCannot(c, s.left, s.right))),
    ...c.permissions.map((d) => ({
      group: d.subtab, name: `${d.name} (${d.id})`, left: leftText(d), right: rightText(d), kind: d.kind,
      ...(d.why ? { why: d.why } : {}),
      message: `${d.name} (${d.id}): ${d.kind === 'unknown' ? `cannot compare (${d.why})` : describe(d, c)}`,
    })),
  ];
}

/** The comparison with only what differs or could not be compared (compare --only-differences); counts and verdict stay those of the whole. */
export function onlyDifferences(c: RoleComparison): RoleComparison {
  return { ...c, flags: c.flags.filter((f) => f.kind !== 'same'), settings: c.settings.filter((s) => s.kind !== 'same'), permissions: c.permissions.filter((p) => p.kind !== 'same') };
}

/** True for a row that differs (not the same, and not unknown). */
export const rowDiffers = (r: ComparisonRow) => r.kind !== 'same' && r.kind !== 'unknown';

export { summary as comparisonSummary };
