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
import { conflictViewLines, describeFinding, roleLabel, runVerdictText, worstFirst } from './messages';
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
ul.steps{list-style:"☐ "}.more{margin:.4rem 0;font:inherit}details>summary{cursor:pointer;font-weight:600;font-size:1.1rem;margin-top:.6rem}
@media print{.filters,.heat th button::after{display:none}.scroll{max-height:none;overflow:visible}details>summary{list-style:none}body{max-width:none}}
`;

/**
 * The page's own script. On a fleet page the roles' details and the heat map's rows come from the
 * page's data block (<script type="application/json" id="report-data">, never executed): a role's
 * section is built when it is opened (or linked to, or printed), the heat map shows 100 rows at a
 * time (more as it is scrolled or on request) and filters and sorts the data, not the DOM. So a
 * 1,000-role page loads light (tests/browser: size, elements, paint). Text goes in by textContent;
 * the role sections are the formatter's own escaped HTML.
 */
export const HTML_SCRIPT = `
(function(){
  var el=document.getElementById('report-data'),D=el?JSON.parse(el.textContent):null;
  function build(d){if(!D||d.getAttribute('data-built'))return;var i=+d.getAttribute('data-i');
    d.insertAdjacentHTML('beforeend',D.roles[i].split('.').map(function(k){return D.lines[parseInt(k,36)];}).join('\\n'));d.setAttribute('data-built','1');}
  document.addEventListener('toggle',function(e){var d=e.target;if(d.open&&d.hasAttribute('data-i'))build(d);},true);
  function openHash(){var d=location.hash&&document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if(d&&d.tagName==='DETAILS'){build(d);d.open=true;}}
  window.addEventListener('hashchange',openHash);openHash();
  window.addEventListener('beforeprint',function(){Array.prototype.forEach.call(document.querySelectorAll('details'),function(d){if(d.hasAttribute('data-i'))build(d);d.open=true;});});
  var table=document.getElementById('fleet');if(!table||!D||!D.fleet)return;
  var F=D.fleet,body=table.tBodies[0],all=F.rows.map(function(r,i){return {r:r,i:i};}),view=all,limit=100,STEP=100;
  var q=document.getElementById('fleet-q'),st=document.getElementById('fleet-status'),shown=document.getElementById('fleet-shown'),more=document.getElementById('fleet-more');
  var SYM=F.sym,CLS=F.cls;
  function td(text,cls,v){var c=document.createElement('td');c.textContent=text;if(cls)c.className=cls;if(v!==undefined)c.setAttribute('data-v',v);return c;}
  function row(x){var r=x.r,tr=document.createElement('tr'),c=document.createElement('td'),a=document.createElement('a');
    a.href='#role-'+x.i;a.textContent=r[0];c.className='role';c.appendChild(a);tr.appendChild(c);
    tr.appendChild(td(r[1],'num'));tr.appendChild(td(r[2],CLS[r[2]],r[2]));
    tr.appendChild(td(String(r[3]),'num',r[3]));tr.appendChild(td(String(r[4]),'num',r[4]));tr.appendChild(td(String(r[5]),'num',r[5]));
    for(var k=0;k<r[6].length;k++){var s=SYM[r[6].charAt(k)];tr.appendChild(s?td(s[1],s[0]):td('\u00b7'));}
    return tr;}
  function render(){body.textContent='';var f=document.createDocumentFragment();
    view.slice(0,limit).forEach(function(x){f.appendChild(row(x));});body.appendChild(f);
    shown.textContent=view.length+' of '+all.length+' roles shown'+(view.length>limit?' ('+limit+' listed)':'');
    more.hidden=view.length<=limit;more.textContent='Show '+Math.min(STEP,view.length-limit)+' more ('+(view.length-limit)+' not listed yet)';}
  function filter(){var t=q.value.trim().toLowerCase(),s=st.value;limit=STEP;
    view=all.filter(function(x){return (!t||x.r[7].indexOf(t)>=0)&&(!s||x.r[2]===s);});render();}
  q.addEventListener('input',filter);st.addEventListener('change',filter);
  more.addEventListener('click',function(){limit+=STEP;render();});
  if(window.IntersectionObserver)new IntersectionObserver(function(es){if(es[0].isIntersecting&&!more.hidden){limit+=STEP;render();}},{root:table.parentNode}).observe(more);
  function key(x,c){var r=x.r;return c===0?r[0].toLowerCase():c===1?r[1]:c===2?r[2]:c<6?r[c]:r[6].charAt(c-6);}
  var dir={};
  Array.prototype.forEach.call(table.tHead.querySelectorAll('button[data-col]'),function(b){
    b.addEventListener('click',function(){var c=+b.getAttribute('data-col'),d=dir[c]=-(dir[c]||-1);
      var sorter=function(x,y){var a=key(x,c),z=key(y,c);if(typeof a==='number')return (a-z)*d||x.i-y.i;return (a<z?-d:a>z?d:0)||x.i-y.i;};
      all.sort(sorter);view.sort(sorter);render();
      Array.prototype.forEach.call(table.tHead.querySelectorAll('th'),function(th){th.removeAttribute('aria-sort');});
      b.parentNode.setAttribute('aria-sort',d>0?'ascending':'descending');});});
  filter();
})();
`;

/**
 * SHA-256 (base64) of HTML_STYLE and HTML_SCRIPT: the page runs its own style and script and
 * nothing else, so even text that escaped escaping could not run. test/unit/html-csp.test.ts
 * recomputes both and fails when either constant changes without its hash.
 */
export const STYLE_SHA256 = 'kZ4jAQFWZPxpcTjHbxnb3KRfwhwv5siaCuTAJuTmlaE=';
export const SCRIPT_SHA256 = 'Wz8h/YM697fYI6jBLKd9YQvQQoGVn/k+GUcL+R9TMDY=';
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

/** A role's section body: where it came from, counts, notes, the findings, the steps, then the permission matrix. */
function roleBody(r: RoleAudit, failOn: string): string[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of r.findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const c = r.counts;
  const steps = stepsList(r);
  return [
    `<p>Policy <code>${h(r.policy.file)}</code> · source ${h(r.source.kind)} <code>${h(r.source.location)}</code>${r.source.account ? ` · account <code>${h(r.source.account)}</code>` : ''} · <span class="badge ${ROLE_STATUS_CLASS[r.status]}">${r.status}</span> · ${r.failed ? `<strong>fails</strong> (--fail-on ${h(failOn)})` : 'passes'}</p>`,
    `<ul class="counts"><li>${plural(c.errors, 'error')}</li><li>${c.unverifiable} not verified</li><li>${plural(c.warnings, 'warning')}</li><li>${c.accepted} accepted</li></ul>`,
    ...r.notes.map((n) => `<p class="note"><strong>Note:</strong> ${h(n)}</p>`),
    '<h3>Findings</h3>', ...findingsList(r),
    ...(steps.length ? ['<h3>To fix</h3>', ...steps] : []),
    ...(r.role.found ? [`<h3>Permissions</h3>`, ...matrix(r, byRule)] : ['<p><strong>The role was not found.</strong> Create it, then run the audit again.</p>']),
  ];
}

function roleHead(r: RoleAudit): string {
  const name = roleLabel(r);
  return `${h(name)}${r.role.scriptId && r.role.scriptId !== name ? ` <code>${h(r.role.scriptId)}</code>` : ''}`;
}

/** One role on its own page: the whole section, in the page. */
function roleSection(r: RoleAudit, i: number, failOn: string): string[] {
  return [`<section class="role" id="role-${i}" aria-labelledby="role-${i}-h"><h2 id="role-${i}-h">${roleHead(r)}</h2>`, ...roleBody(r, failOn), '</section>'];
}

/** One role of a fleet: its summary line; the body comes from the page's data when opened. */
function roleDetails(r: RoleAudit, i: number): string {
  return `<details class="role" id="role-${i}" data-i="${i}"><summary><span class="badge ${ROLE_STATUS_CLASS[r.status]}">${r.status}</span> ${roleHead(r)} <small>${plural(r.counts.errors, 'error')}, ${plural(r.counts.warnings, 'warning')}</small></summary></details>`;
}

/** Status letters of the heat map's data (one per column; `.`: not in the role's policy). */
const LETTER: Record<RuleStatus, string> = { pass: 'p', fail: 'f', warn: 'w', accepted: 'a', unverifiable: 'u' };

/**
 * The fleet page's data: every line of every role's section once (sections of a fleet repeat
 * most lines: the same permission row, the same finding sentence), each role as the indexes of
 * its lines, and the heat map's rows. A thousand roles' sections come to a few MB this way where
 * written out they were tens (bench/report-scale.js).
 */
function fleetData(report: AuditReport, cols: ReadonlyArray<[string, unknown]>): string {
  const index = new Map<string, number>();
  const lines: string[] = [];
  const at = (line: string) => {
    let k = index.get(line);
    if (k === undefined) { k = lines.length; lines.push(line); index.set(line, k); }
    return k;
  };
  // Each role's line numbers in base 36, dot-separated: a third smaller than a JSON array of numbers.
  const roles = report.results.map((r) => roleBody(r, report.failOn).map((line) => at(line).toString(36)).join('.'));
  const rows = report.results.map((r) => {
    const status = new Map(r.rules.map((x) => [x.id, x.status]));
    const letters = cols.map(([id]) => { const st = status.get(id); return st ? LETTER[st] : '.'; }).join('');
    const search = [roleLabel(r), r.role.scriptId ?? '', r.source.account ?? '', r.source.connection ?? ''].join(' ').toLowerCase();
    return [terminalText(roleLabel(r)), terminalText(r.source.account ?? r.source.connection ?? ''), r.status, r.counts.errors, r.counts.unverifiable, r.counts.warnings, letters, terminalText(search)];
  });
  // In a <script> data block only `</script` could end it early: every `<` is written as \u003c.
  // The page's script shows statuses as the formatter does: the same classes and symbols, from here.
  const sym = Object.fromEntries((Object.keys(LETTER) as RuleStatus[]).map((st) => [LETTER[st], [STATUS[st].cls, STATUS[st].sym]]));
  return JSON.stringify({ lines, roles, fleet: { rows, sym, cls: ROLE_STATUS_CLASS } }).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The roles failing worst, linked: what the first screen of a fleet page shows besides the summary. */
function worstRoles(report: AuditReport): string[] {
  const worst = report.results.map((r, i) => ({ r, i })).filter((x) => x.r.failed).sort((a, b) => worstFirst(a.r, b.r)).slice(0, 10);
  if (!worst.length) return [];
  return ['<h2 id="worst-h">Worst roles</h2>', '<ol class="worst">', ...worst.map(({ r, i }) => `<li><a href="#role-${i}">${h(roleLabel(r))}</a>: ${plural(r.counts.errors, 'error')}, ${plural(r.counts.warnings, 'warning')}</li>`), '</ol>'];
}

/** The permission columns of the heat map: every permission any policy names, by subtab then name. */
function fleetColumns(report: AuditReport): Array<[string, { name: string; subtab: string }]> {
  const columns = new Map<string, { name: string; subtab: string }>();
  for (const r of report.results) for (const rule of r.rules) if (rule.kind === 'permission' && rule.permission) columns.set(rule.id, { name: rule.permission.name, subtab: rule.permission.subtab });
  return [...columns].sort((a, b) => SUBTABS.indexOf(a[1].subtab as never) - SUBTABS.indexOf(b[1].subtab as never) || (a[1].name < b[1].name ? -1 : 1));
}

/** Roles by permissions: one row per role (built by the page's script from its data), one column per permission, with totals. */
function fleetView(report: AuditReport, cols: ReturnType<typeof fleetColumns>): string[] {
  const failing = new Map<string, number>();
  for (const r of report.results) for (const x of r.rules) if (x.status === 'fail') failing.set(x.id, (failing.get(x.id) ?? 0) + 1);
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
    '<noscript><p>The heat map and the roles\' details are built by the page\'s script: allow it, or use the JSON or CSV report.</p></noscript>',
    '<div class="scroll" tabindex="0" role="region" aria-labelledby="fleet-h">',
    `<table class="heat" id="fleet"><thead><tr>${head.join('')}</tr></thead><tbody></tbody><tfoot>${totals}</tfoot></table>`,
    '<button type="button" id="fleet-more" class="more" hidden></button></div>',
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
  const cols = fleet ? fleetColumns(report) : [];
  const body = [
    '<header>', '<h1>NetSuite role audit</h1>',
    `<p>${h(report.tool.name)} ${h(report.tool.version)} · ${h(report.generatedAt)} · --fail-on ${h(report.failOn)}</p>`,
    `<p><span class="badge ${s.verdict === 'passed' ? 'ok' : 'bad'}" id="verdict" data-verdict="${s.verdict}">${s.verdict === 'passed' ? '✓' : '✗'} the run ${h(runVerdictText(report))}</span> ${plural(s.roles, 'role')}: ${s.compliant} compliant, ${s.withWarnings} with warnings, ${s.nonCompliant} non-compliant, ${s.unverified} not fully verified.</p>`,
    '</header>', '<main>',
    ...(report.errors?.length ? ['<h2>Could not audit</h2>', '<ul>', ...report.errors.map((e) => `<li>Connection <code>${h(e.connection)}</code>${e.account ? ` (account <code>${h(e.account)}</code>)` : ''}: <code>${h(e.code)}</code> ${h(e.message)}</li>`), '</ul>'] : []),
    ...(fleet ? worstRoles(report) : []),
    ...(fleet && cols.length ? fleetView(report, cols) : []),
    ...accessSection(report),
    ...conflictSection(report),
    ...(fleet ? ['<h2>Roles</h2>', ...report.results.map(roleDetails)] : report.results.flatMap((r, i) => roleSection(r, i, report.failOn))),
    '<h2>Finding codes</h2>', '<dl class="legend">',
    ...[...new Set(report.results.flatMap((r) => r.findings.map((f) => f.code)))].sort().map((code) => `<dt><code>${code}</code> ${h(FINDING_HELP[code].title)}</dt><dd>${h(FINDING_HELP[code].help)}</dd>`),
    '</dl>', '</main>',
    ...(fleet ? [`<script type="application/json" id="report-data">${fleetData(report, cols)}</script>`] : []),
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
