/**
 * One self-contained HTML page (inline style and script, a Content-Security-Policy that allows no
 * network at all): works from file://, prints, reads without colour (every status has a symbol and
 * a word). Per role: status, counts, a permission matrix by subtab (required against actual for
 * every rule), the findings and the checklist's steps. With more than one role, a fleet view: roles
 * by permissions as a heat map with totals, sortable and filterable in the page.
 */
import { describeLevelRange, levelLabel, SUBTABS, subtabLabel } from '../catalog';
import type { AuditReport, Finding, RoleAudit, RoleComparison, RuleResult, RuleStatus } from '../model';
import { comparisonRows, comparisonSummary } from './comparison';
import { terminalText } from './escape';
import { FINDING_HELP } from './finding-help';
import { conflictViewLines, describeFinding, roleLabel, runVerdictText } from './messages';
import { plural } from './plural';
import type { Formatter } from './registry';
import { fixText, remediationPlan } from './remediation';

/** Text for HTML (element content and quoted attributes): control characters inert, markup escaped. */
export function htmlText(s: string): string {
  return terminalText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
const h = htmlText;

/** Each rule status as a class, a symbol and a word: the symbol and word carry it without colour. */
const STATUS: Record<RuleStatus, { cls: string; sym: string; word: string }> = {
  pass: { cls: 'ok', sym: '✓', word: 'pass' },
  fail: { cls: 'bad', sym: '✗', word: 'fail' },
  warn: { cls: 'warn', sym: '!', word: 'warning' },
  accepted: { cls: 'acc', sym: '~', word: 'accepted' },
  unverifiable: { cls: 'unk', sym: '?', word: 'unverified' },
};
const ROLE_STATUS_CLASS: Record<string, string> = { compliant: 'ok', warnings: 'warn', unverified: 'unk', 'non-compliant': 'bad' };

export const HTML_STYLE = `
:root{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
body{margin:0 auto;max-width:80rem;padding:1rem 1.5rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.3rem;margin:1.6rem 0 .4rem;border-bottom:2px solid #ccc}h3{font-size:1.05rem;margin:1rem 0 .3rem}
table{border-collapse:collapse;margin:.4rem 0 1rem}th,td{border:1px solid #bbb;padding:.2rem .45rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}code{font-family:ui-monospace,Consolas,monospace;font-size:.92em}
.ok{background:#e3f3e6;color:#0b4d1c}.bad{background:#fbe3e5;color:#7d0a1c}.warn{background:#fff1c2;color:#4d3800}
.acc{background:#e6e8f5;color:#26306e}.unk{background:#ececec;color:#2b2b2b}
.badge{display:inline-block;padding:0 .45rem;border-radius:.3rem;font-weight:600;border:1px solid currentColor}
.counts{display:flex;gap:1.2rem;flex-wrap:wrap;margin:.3rem 0;padding:0;list-style:none}
.heat td{text-align:center;min-width:1.6rem;padding:.1rem .25rem}.heat td.role,.heat td.num{text-align:left}
.heat th button{font:inherit;background:none;border:0;padding:0;cursor:pointer;text-align:left;color:inherit}
.heat thead th{position:sticky;top:0;z-index:1}.scroll{overflow:auto;max-height:75vh}
.filters{display:flex;gap:1rem;align-items:end;flex-wrap:wrap;margin:.5rem 0}.filters label{display:flex;flex-direction:column;font-size:.9rem}
.legend{font-size:.9rem}.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
ul.steps{list-style:"☐ "}details>summary{cursor:pointer;font-weight:600;font-size:1.1rem;margin-top:.6rem}
@media print{.filters,.heat th button::after{display:none}.scroll{max-height:none;overflow:visible}details>summary{list-style:none}body{max-width:none}}
`;

export const HTML_SCRIPT = `
(function(){
  var table=document.getElementById('fleet');if(!table)return;
  var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
  var q=document.getElementById('fleet-q'),st=document.getElementById('fleet-status'),shown=document.getElementById('fleet-shown');
  function filter(){var t=q.value.trim().toLowerCase(),s=st.value,n=0;
    rows.forEach(function(r){var ok=(!t||r.getAttribute('data-search').indexOf(t)>=0)&&(!s||r.getAttribute('data-status')===s);r.hidden=!ok;if(ok)n++;});
    shown.textContent=n+' of '+rows.length+' roles shown';}
  q.addEventListener('input',filter);st.addEventListener('change',filter);
  var dir={};
  Array.prototype.forEach.call(table.tHead.querySelectorAll('button[data-col]'),function(b){
    b.addEventListener('click',function(){var c=+b.getAttribute('data-col'),d=dir[c]=-(dir[c]||-1);
      rows.sort(function(x,y){var a=x.cells[c].getAttribute('data-v')||x.cells[c].textContent,z=y.cells[c].getAttribute('data-v')||y.cells[c].textContent;
        var na=parseFloat(a),nz=parseFloat(z);if(!isNaN(na)&&!isNaN(nz))return (na-nz)*d;return a<z?-d:a>z?d:0;});
      rows.forEach(function(r){body.appendChild(r);});
      Array.prototype.forEach.call(table.tHead.querySelectorAll('th'),function(th){th.removeAttribute('aria-sort');});
      b.parentNode.setAttribute('aria-sort',d>0?'ascending':'descending');});});
  filter();
})();
window.addEventListener('beforeprint',function(){Array.prototype.forEach.call(document.querySelectorAll('details'),function(d){d.open=true;});});
`;

/**
 * SHA-256 (base64) of HTML_STYLE and HTML_SCRIPT: the page runs its own style and script and
 * nothing else, so even text that escaped escaping could not run. test/unit/html-csp.test.ts
 * recomputes both and fails when either constant changes without its hash.
 */
export const STYLE_SHA256 = 'pBSvr0otPE30z/l/KduRXancqo0ySb3ouf17gxxXdVk=';
export const SCRIPT_SHA256 = 'RAd82nO+T5OBk0u4TG9wwafHCEN7dynTYnWwYa0LNc8=';
/** No network at all, and only the page's own style and script. */
export const HTML_CSP = `default-src 'none'; style-src 'sha256-${STYLE_SHA256}'; script-src 'sha256-${SCRIPT_SHA256}'; img-src data:; base-uri 'none'; form-action 'none'`;

export function htmlPage(title: string, body: string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // No network at all: everything the page needs is in it.
    `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title><style>${HTML_STYLE}</style></head>`,
    '<body>', ...body, `<script>${HTML_SCRIPT}</script>`, '</body></html>', '',
  ].join('\n');
}

const cell = (s: RuleStatus) => `<td class="${STATUS[s].cls}">${STATUS[s].sym} ${STATUS[s].word}</td>`;

/** What the role holds for a rule: the level seen, else what its findings say, else why it is not known. */
function actual(rule: RuleResult, findings: Finding[], evidence: string | undefined): string {
  if (rule.actualLevel) return levelLabel(rule.actualLevel);
  const seen = findings.find((f) => f.actualLevel)?.actualLevel;
  if (seen) return levelLabel(seen);
  return evidence === 'effective-access' ? (rule.status === 'pass' ? 'readable (at least View)' : 'not seen') : 'not seen';
}

function matrix(r: RoleAudit, byRule: Map<string, Finding[]>): string[] {
  const out: string[] = [];
  for (const tab of SUBTABS) {
    const rules = r.rules.filter((x) => x.kind === 'permission' && x.permission?.subtab === tab);
    if (!rules.length) continue;
    out.push(`<table class="matrix"><caption>${h(subtabLabel(tab))} subtab</caption>`,
      '<thead><tr><th scope="col">Permission</th><th scope="col">Required</th><th scope="col">Actual</th><th scope="col">Result</th></tr></thead><tbody>');
    for (const rule of rules) {
      const p = rule.permission!;
      out.push(`<tr><th scope="row">${h(p.name)}${p.name === p.id ? '' : ` <code>${h(p.id)}</code>`}</th><td>${h(describeLevelRange(rule.expectedMin, rule.expectedMax))}</td><td>${h(actual(rule, byRule.get(rule.id) ?? [], r.role.evidence))}</td>${cell(rule.status)}</tr>`);
    }
    out.push('</tbody></table>');
  }
  const other = r.rules.filter((x) => x.kind !== 'permission');
  if (other.length) {
    out.push('<table class="matrix"><caption>Role, flags, settings and policy-wide rules</caption>',
      '<thead><tr><th scope="col">Rule</th><th scope="col">Result</th></tr></thead><tbody>',
      ...other.map((rule) => `<tr><th scope="row">${h(rule.title)}</th>${cell(rule.status)}</tr>`), '</tbody></table>');
  }
  return out;
}

const CODE = (s: string) => `<code>${h(s)}</code>`;

function findingsList(r: RoleAudit): string[] {
  if (!r.findings.length) return ['<p>No findings.</p>'];
  const items = r.findings.map((f) => {
    const acc = f.accepted ? ` <span class="badge acc">${f.accepted.by === 'policy' ? 'acknowledged' : 'accepted'}</span>` : '';
    const where = f.loc ? ` <small>(policy ${h(f.loc.file)}:${f.loc.line})</small>` : '';
    const sev = f.accepted ? 'acc' : f.severity === 'error' ? 'bad' : f.severity === 'warning' ? 'warn' : 'unk';
    const fix = f.fix ? ` <small class="fix">${fixText(f.fix, CODE)}.</small>` : '';
    return `<li><span class="badge ${sev}">${f.severity}</span> <code>${f.code}</code> ${h(f.message ?? describeFinding(f))}${acc}${where}${fix}</li>`;
  });
  return ['<ul class="findings">', ...items, '</ul>'];
}

function stepsList(r: RoleAudit): string[] {
  const { sections } = remediationPlan(r.findings, { strong: (s) => `<strong>${h(s)}</strong>`, text: h, fix: (f) => fixText(f, CODE) });
  if (!sections.length) return [];
  return [
    `<p>In NetSuite: <strong>Setup &gt; Users/Roles &gt; Manage Roles</strong>, then <strong>Edit</strong> beside <strong>${h(roleLabel(r))}</strong>.</p>`,
    ...sections.flatMap(([title, steps]) => [`<h4>${h(title)}</h4>`, '<ul class="steps">', ...steps.map((s) => `<li>${s}</li>`), '</ul>']),
    '<p>Click <strong>Save</strong>, then run the audit again.</p>',
  ];
}

function roleSection(r: RoleAudit, i: number, fleet: boolean, failOn: string): string[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of r.findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const c = r.counts;
  const name = roleLabel(r);
  const head = `${h(name)}${r.role.scriptId && r.role.scriptId !== name ? ` <code>${h(r.role.scriptId)}</code>` : ''}`;
  const steps = stepsList(r);
  const body = [
    `<p>Policy <code>${h(r.policy.file)}</code> · source ${h(r.source.kind)} <code>${h(r.source.location)}</code>${r.source.account ? ` · account <code>${h(r.source.account)}</code>` : ''} · <span class="badge ${ROLE_STATUS_CLASS[r.status]}">${r.status}</span> · ${r.failed ? `<strong>fails</strong> (--fail-on ${h(failOn)})` : 'passes'}</p>`,
    `<ul class="counts"><li>${plural(c.errors, 'error')}</li><li>${c.unverifiable} not verified</li><li>${plural(c.warnings, 'warning')}</li><li>${c.accepted} accepted</li></ul>`,
    ...r.notes.map((n) => `<p class="note"><strong>Note:</strong> ${h(n)}</p>`),
    ...(r.role.found ? [`<h3>Permissions</h3>`, ...matrix(r, byRule)] : ['<p><strong>The role was not found.</strong> Create it, then run the audit again.</p>']),
    '<h3>Findings</h3>', ...findingsList(r),
    ...(steps.length ? ['<h3>To fix</h3>', ...steps] : []),
  ];
  if (fleet) return [`<details class="role" id="role-${i}"><summary><span class="badge ${ROLE_STATUS_CLASS[r.status]}">${r.status}</span> ${head}</summary>`, ...body, '</details>'];
  return [`<section class="role" id="role-${i}" aria-labelledby="role-${i}-h"><h2 id="role-${i}-h">${head}</h2>`, ...body, '</section>'];
}

/** Roles by permissions: one row per role, one column per permission any policy names, with totals. */
function fleetView(report: AuditReport): string[] {
  const columns = new Map<string, { name: string; subtab: string }>();
  for (const r of report.results) for (const rule of r.rules) if (rule.kind === 'permission' && rule.permission) columns.set(rule.id, { name: rule.permission.name, subtab: rule.permission.subtab });
  const cols = [...columns].sort((a, b) => SUBTABS.indexOf(a[1].subtab as never) - SUBTABS.indexOf(b[1].subtab as never) || (a[1].name < b[1].name ? -1 : 1));
  const failing = new Map<string, number>();
  const rows = report.results.map((r, i) => {
    const status = new Map(r.rules.map((x) => [x.id, x.status]));
    const cells = cols.map(([id]) => {
      const s = status.get(id);
      if (!s) return '<td>·</td>';
      if (s === 'fail') failing.set(id, (failing.get(id) ?? 0) + 1);
      return `<td class="${STATUS[s].cls}">${STATUS[s].sym}</td>`;
    });
    const search = [roleLabel(r), r.role.scriptId ?? '', r.source.account ?? '', r.source.connection ?? ''].join(' ').toLowerCase();
    return `<tr data-status="${r.status}" data-search="${h(search)}"><td class="role"><a href="#role-${i}">${h(roleLabel(r))}</a></td><td class="num">${h(r.source.account ?? r.source.connection ?? '')}</td><td class="${ROLE_STATUS_CLASS[r.status]}" data-v="${r.status}">${r.status}</td><td class="num" data-v="${r.counts.errors}">${r.counts.errors}</td><td class="num" data-v="${r.counts.unverifiable}">${r.counts.unverifiable}</td><td class="num" data-v="${r.counts.warnings}">${r.counts.warnings}</td>${cells.join('')}</tr>`;
  });
  const fixed = ['Role', 'Account', 'Status', 'Errors', 'Not verified', 'Warnings'];
  const head = [...fixed.map((t, i) => `<th scope="col"><button type="button" data-col="${i}">${t}</button></th>`),
    ...cols.map(([id, c], i) => `<th scope="col"><button type="button" data-col="${i + fixed.length}" title="${h(c.name)} (${h(subtabLabel(c.subtab as never))})">${h(c.name)}</button><span class="sr"> ${h(id)}</span></th>`)];
  // Finding counts summed for the count columns; for each permission, the number of roles failing it.
  const totals = `<tr><th scope="row">Totals (per permission: roles failing)</th><td></td><td></td><td class="num">${report.results.reduce((n, r) => n + r.counts.errors, 0)}</td><td class="num">${report.results.reduce((n, r) => n + r.counts.unverifiable, 0)}</td><td class="num">${report.results.reduce((n, r) => n + r.counts.warnings, 0)}</td>${cols.map(([id]) => `<td>${failing.get(id) ?? 0}</td>`).join('')}</tr>`;
  return [
    '<h2 id="fleet-h">Fleet: roles by permission</h2>',
    '<div class="filters"><label for="fleet-q">Filter roles<input id="fleet-q" type="search" placeholder="role, script id or account"></label>',
    '<label for="fleet-status">Status<select id="fleet-status"><option value="">any</option><option>non-compliant</option><option>unverified</option><option>warnings</option><option>compliant</option></select></label>',
    '<output id="fleet-shown" aria-live="polite"></output></div>',
    `<p class="legend">${Object.values(STATUS).map((s) => `<span class="badge ${s.cls}">${s.sym} ${s.word}</span>`).join(' ')} <span class="badge">· not in this role's policy</span></p>`,
    '<div class="scroll" tabindex="0" role="region" aria-labelledby="fleet-h">',
    `<table class="heat" id="fleet"><thead><tr>${head.join('')}</tr></thead><tbody>`, ...rows, `</tbody><tfoot>${totals}</tfoot></table></div>`,
  ];
}

/** Which roles hold each segregation-of-duties conflict, across the run. */
function conflictSection(report: AuditReport): string[] {
  const sod = conflictViewLines(report);
  if (!sod.length) return [];
  return [
    '<h2 id="sod-h">Segregation-of-duties conflicts</h2>',
    '<table class="matrix" id="sod"><thead><tr><th scope="col">Conflict</th><th scope="col">Roles</th><th scope="col">Roles holding it</th></tr></thead><tbody>',
    ...sod.map((c) => `<tr><th scope="row">${h(c.name)}</th><td class="bad">${c.roles.length}</td><td>${c.roles.map(h).join('<br>')}</td></tr>`),
    '</tbody></table>',
  ];
}

/**
 * Who holds the roles: one row per person, one column per role whose holders were read, each cell
 * the person's last login with that role ("never" when the Login Audit Trail holds none, "held"
 * when it could not be read), empty when they do not hold it.
 */
function accessSection(report: AuditReport): string[] {
  const roles = report.results.filter((r) => r.access?.holders);
  if (!roles.length) return [];
  const people = new Map<string, { name: string; note: string }>();
  for (const r of roles) for (const p of r.access!.holders!) {
    const note = p.hasAccess === false ? 'no access' : p.inactive ? 'inactive' : '';
    people.set(p.id, { name: p.name ?? p.email ?? `#${p.id}`, note });
  }
  const cell = (r: RoleAudit, id: string) => {
    const held = r.access!.holders!.find((p) => p.id === id);
    if (!held) return '<td></td>';
    if (held.lastUsed === undefined) return '<td class="unk">held</td>';
    return held.lastUsed === null ? '<td class="warn">never</td>' : `<td>${h(held.lastUsed.slice(0, 10))}</td>`;
  };
  const ids = [...people.keys()].sort((a, b) => (people.get(a)!.name < people.get(b)!.name ? -1 : 1));
  return [
    '<h2 id="access-h">Who holds the roles</h2>',
    '<p>Each cell: the person\'s last login with the role (Login Audit Trail); <em>never</em>: none recorded; <em>held</em>: the trail could not be read.</p>',
    '<div class="scroll" tabindex="0" role="region" aria-labelledby="access-h">',
    `<table class="matrix" id="access"><thead><tr><th scope="col">Person</th>${roles.map((r) => `<th scope="col">${h(roleLabel(r))}</th>`).join('')}</tr></thead><tbody>`,
    ...ids.map((id) => {
      const p = people.get(id)!;
      return `<tr><th scope="row">${h(p.name)}${p.note ? ` <small>(${h(p.note)})</small>` : ''}</th>${roles.map((r) => cell(r, id)).join('')}</tr>`;
    }),
    `</tbody><tfoot><tr><th scope="row">Tokens (last use)</th>${roles.map((r) => `<td>${(r.access!.tokens ?? []).map((t) => `${h(t.name)}: ${h(t.lastUsed.slice(0, 10))}`).join('<br>')}</td>`).join('')}</tr></tfoot></table></div>`,
  ];
}

/** An audit report as one self-contained HTML page. */
export const formatHtml: Formatter<AuditReport> = (report) => {
  const s = report.summary;
  const fleet = report.results.length > 1;
  const body = [
    '<header>', '<h1>NetSuite role audit</h1>',
    `<p>${h(report.tool.name)} ${h(report.tool.version)} · ${h(report.generatedAt)} · --fail-on ${h(report.failOn)}</p>`,
    `<p><span class="badge ${s.verdict === 'passed' ? 'ok' : 'bad'}" id="verdict" data-verdict="${s.verdict}">${s.verdict === 'passed' ? '✓' : '✗'} the run ${h(runVerdictText(report))}</span> ${plural(s.roles, 'role')}: ${s.compliant} compliant, ${s.withWarnings} with warnings, ${s.nonCompliant} non-compliant, ${s.unverified} not fully verified.</p>`,
    '</header>', '<main>',
    ...(report.errors?.length ? ['<h2>Could not audit</h2>', '<ul>', ...report.errors.map((e) => `<li>Connection <code>${h(e.connection)}</code>${e.account ? ` (account <code>${h(e.account)}</code>)` : ''}: <code>${h(e.code)}</code> ${h(e.message)}</li>`), '</ul>'] : []),
    ...(fleet && report.results.some((r) => r.rules.some((x) => x.kind === 'permission')) ? fleetView(report) : []),
    ...accessSection(report),
    ...conflictSection(report),
    ...(fleet ? ['<h2>Roles</h2>'] : []),
    ...report.results.flatMap((r, i) => roleSection(r, i, fleet, report.failOn)),
    '<h2>Finding codes</h2>', '<dl class="legend">',
    ...[...new Set(report.results.flatMap((r) => r.findings.map((f) => f.code)))].sort().map((code) => `<dt><code>${code}</code> ${h(FINDING_HELP[code].title)}</dt><dd>${h(FINDING_HELP[code].help)}</dd>`),
    '</dl>', '</main>',
  ];
  return htmlPage('NetSuite role audit', body);
};

/** Two roles side by side. */
export const formatComparisonHtml: Formatter<RoleComparison> = (c) => {
  const rows = comparisonRows(c);
  const mark = (kind: string) => (kind === 'same' ? { cls: 'ok', sym: '=', word: 'same' } : kind === 'unknown' ? STATUS.unverifiable : { cls: 'bad', sym: '≠', word: kind.replace('-', ' ') });
  const groups = [...new Set(rows.map((r) => r.group))];
  const body = [
    '<header>', '<h1>Role comparison</h1>',
    `<p><strong>${h(c.left.label)}</strong>: <code>${h(c.left.role)}</code> · <strong>${h(c.right.label)}</strong>: <code>${h(c.right.role)}</code></p>`,
    `<p><span class="badge ${c.equal ? 'ok' : 'bad'}">${c.equal ? '✓ the same' : '≠ different'}</span> ${h(comparisonSummary(c))}</p>`, '</header>', '<main>',
    ...groups.flatMap((g) => [
      `<table class="matrix"><caption>${h(g === 'settings' ? 'Role settings' : `${subtabLabel(g as never)} subtab`)}</caption>`,
      `<thead><tr><th scope="col">${g === 'settings' ? 'Setting' : 'Permission'}</th><th scope="col">${h(c.left.label)}</th><th scope="col">${h(c.right.label)}</th><th scope="col">Difference</th></tr></thead><tbody>`,
      ...rows.filter((r) => r.group === g).map((r) => { const m = mark(r.kind); return `<tr><th scope="row">${h(r.name)}</th><td>${h(r.left)}</td><td>${h(r.right)}</td><td class="${m.cls}"><span aria-hidden="true">${m.sym}</span> ${m.word}</td></tr>`; }),
      '</tbody></table>']),
    '</main>',
  ];
  return htmlPage('Role comparison', body);
};
