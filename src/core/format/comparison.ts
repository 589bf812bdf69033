import { levelLabel, SUBTABS, subtabLabel } from '../catalog';
import type { PermissionDifference, RoleComparison } from '../model';
import { xmlEscape } from '../xml-tree';
import { createStyle } from './ansi';
import type { Formatter } from './registry';

const lvl = (l?: string) => (l ? levelLabel(l as never) : '—');
const flagText = (v: boolean | null) => (v === null ? 'unknown' : v ? 'checked' : 'unchecked');

function describe(d: PermissionDifference, c: RoleComparison): string {
  if (d.kind === 'only-left') return `only in ${c.left.label} (${lvl(d.left)})`;
  if (d.kind === 'only-right') return `only in ${c.right.label} (${lvl(d.right)})`;
  return `${lvl(d.left)} in ${c.left.label}, ${lvl(d.right)} in ${c.right.label}`;
}

/** A comparison as a terminal table, by subtab. */
export const formatComparisonTable: Formatter<RoleComparison> = (c, ctx) => {
  const s = createStyle(ctx.color);
  const out = [`${s.bold('left ')}  ${c.left.label}: ${c.left.role}`, `${s.bold('right')}  ${c.right.label}: ${c.right.role}`, ''];
  const w = Math.max(20, ...c.permissions.filter((d) => d.kind !== 'same').map((d) => `${d.name} (${d.id})`.length));
  const head = s.dim(`  ${''.padEnd(w)}  ${'left'.padEnd(14)}  right`);
  const flags = c.flags.filter((f) => f.kind !== 'same');
  if (flags.length) {
    out.push(s.bold('Role settings'), head);
    for (const f of flags) out.push(`  ${f.label.padEnd(w)}  ${flagText(f.left).padEnd(14)}  ${flagText(f.right)}${f.kind === 'unknown' ? s.dim('  (cannot compare)') : ''}`);
  }
  for (const tab of SUBTABS) {
    const diffs = c.permissions.filter((d) => d.subtab === tab && d.kind !== 'same');
    if (!diffs.length) continue;
    out.push(s.bold(subtabLabel(tab)), head);
    for (const d of diffs) {
      const mark = d.kind === 'only-left' ? s.red('<') : d.kind === 'only-right' ? s.green('>') : s.yellow('≠');
      out.push(`${mark} ${`${d.name} (${d.id})`.padEnd(w)}  ${lvl(d.left).padEnd(14)}  ${lvl(d.right)}`);
    }
  }
  const k = c.counts;
  out.push('', c.equal ? s.green(`The roles are the same (${k.same} permissions).`) : `${k.onlyLeft} only on the left, ${k.onlyRight} only on the right, ${k.level} at different levels, ${k.flags} flag(s) differ; ${k.same} the same.`);
  return out.join('\n') + '\n';
};

/** A comparison as JSON. */
export const formatComparisonJson: Formatter<RoleComparison> = (c) => JSON.stringify(c, null, 2) + '\n';

/** A comparison as Markdown tables. */
export const formatComparisonMarkdown: Formatter<RoleComparison> = (c) => {
  const out = [`# Role comparison`, '', `- **${c.left.label}**: ${c.left.role}`, `- **${c.right.label}**: ${c.right.role}`, ''];
  if (c.equal) out.push('The roles are the same.', '');
  const flags = c.flags.filter((f) => f.kind !== 'same');
  if (flags.length) {
    out.push('## Role settings', '', `| setting | ${c.left.label} | ${c.right.label} |`, '| --- | --- | --- |', ...flags.map((f) => `| ${f.label} | ${flagText(f.left)} | ${flagText(f.right)} |`), '');
  }
  for (const tab of SUBTABS) {
    const diffs = c.permissions.filter((d) => d.subtab === tab && d.kind !== 'same');
    if (!diffs.length) continue;
    out.push(`## ${subtabLabel(tab)}`, '', `| permission | ${c.left.label} | ${c.right.label} |`, '| --- | --- | --- |', ...diffs.map((d) => `| ${d.name} (${d.id}) | ${lvl(d.left)} | ${lvl(d.right)} |`), '');
  }
  return out.join('\n');
};

/** A comparison as JUnit: one test case per flag and permission, failing where they differ. */
export const formatComparisonJunit: Formatter<RoleComparison> = (c) => {
  const cases = [
    ...c.flags.map((f) => ({ name: f.label, classname: 'flags', fail: f.kind === 'different' ? `${flagText(f.left)} in ${c.left.label}, ${flagText(f.right)} in ${c.right.label}` : undefined, skip: f.kind === 'unknown' })),
    ...c.permissions.map((d) => ({ name: `${d.name} (${d.id})`, classname: d.subtab, fail: d.kind === 'same' ? undefined : describe(d, c), skip: false })),
  ];
  const body = cases.map((t) => {
    const head = `    <testcase classname="${xmlEscape(t.classname)}" name="${xmlEscape(t.name)}"`;
    if (t.fail) return `${head}>\n      <failure type="ROLE_DIFFERENCE" message="${xmlEscape(t.fail)}"/>\n    </testcase>`;
    if (t.skip) return `${head}>\n      <skipped message="cannot compare: a source cannot read this flag"/>\n    </testcase>`;
    return `${head}/>`;
  }).join('\n');
  const failures = cases.filter((t) => t.fail).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ns-role-audit compare" tests="${cases.length}" failures="${failures}">\n  <testsuite name="${xmlEscape(`${c.left.label} vs ${c.right.label}`)}" tests="${cases.length}" failures="${failures}" skipped="${cases.filter((t) => t.skip).length}" errors="0">\n${body}\n  </testsuite>\n</testsuites>\n`;
};

