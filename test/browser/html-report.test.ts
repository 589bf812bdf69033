/// <reference lib="dom" />
/**
 * The HTML report in a real browser (Debian's headless Chromium, driven by playwright-core): it
 * loads from file:// with no console error and no network request, the matrix holds one row per
 * rule, filtering and sorting work, axe-core finds no serious or critical violation, and
 * screenshots land in test/artifacts/ for people to look at.
 *
 * Without Chromium the checks are skipped and the run says so (set CHROMIUM_PATH, or
 * `apt-get install chromium`); with CI=true a missing browser fails instead, so CI always runs them.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { FORMATS } from '../../src/core/format';
import type { AuditReport } from '../../src/core/model';
import { accessReport, apiOnlyFleetReport, driftedReport, fleetReport, sampleComparison } from '../helpers/sample-reports';

// CHROMIUM_PATH, when set, is the only place looked at (so the skip can be tried: CHROMIUM_PATH=/none).
const CANDIDATES = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const executablePath = CANDIDATES.find((p) => existsSync(p));
const ARTIFACTS = join(__dirname, '..', 'artifacts');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

if (!executablePath) {
  const msg = `browser checks skipped: no Chromium at ${CANDIDATES.join(', ')}. Install it (apt-get install chromium) or set CHROMIUM_PATH to run them.`;
  if (process.env.CI === 'true') throw new Error(`${msg} CI must run them.`);
  // eslint-disable-next-line no-console
  console.warn(msg);
}
const suite = executablePath ? describe : describe.skip;

/** A page opened from file:// with every console error, page error and request recorded. */
async function open(browser: Browser, name: string, html: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.html`);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => { if (r.url() !== url) requests.push(r.url()); });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  const loadMs = Date.now() - started;
  return { page, problems, requests, file, loadMs };
}

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: the page's CSP admits only its own script (by hash).
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[]; help: string }> }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length} node(s))`);
}

const visibleRows = (page: Page) => page.locator('#fleet tbody tr:not([hidden])').count();

suite('HTML report in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] }); }, 60_000);
  afterAll(async () => { await browser?.close(); });

  test('the drifted demo role: loads clean, one matrix row per rule, hostile-free, accessible', async () => {
    const report = driftedReport();
    const { page, problems, requests } = await open(browser, 'report-single', FORMATS.html.report(report, { color: false }));
    const rules = report.results[0].rules;
    expect(await page.locator('table.matrix tbody tr').count()).toBe(rules.length);
    const sales = page.locator('table.matrix tbody tr', { hasText: 'TRAN_SALESORD' });
    expect((await sales.locator('td').allInnerTexts()).map((t) => t.trim())).toEqual(['at least Full', 'Edit', '✗ fail']);
    expect(await page.locator('ul.steps li', { hasText: 'Raise Sales Order' }).count()).toBe(1);
    // Each step shows its fix in the role file: the line and the XML, as the reader sees them.
    const fix = await page.locator('ul.steps li', { hasText: 'Raise Sales Order' }).innerText();
    expect(fix).toMatch(/In the role file: write <permlevel>FULL<\/permlevel> at fixtures\/sdf-project\/src\/Objects\/customrole_polytomic_drifted\.xml:\d+/);
    expect(await page.locator('ul.findings small.fix').count()).toBe(4);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'report-single.png'), fullPage: true });
    expect({ problems, requests }).toEqual({ problems: [], requests: [] });
    await page.close();
  }, 60_000);

  test('a 1,000-role, 150-permission fleet (~147,000 findings): at most 3 MB and 25,000 elements after load; roles open on demand; no network; accessible', async () => {
    const report: AuditReport = apiOnlyFleetReport(1000, 150);
    const html = FORMATS.html.report(report, { color: false });
    const { page, problems, requests, file, loadMs } = await open(browser, 'report-fleet-api-1000', html);
    const paint = await page.evaluate(() => performance.getEntriesByType('paint').map((p) => [p.name, Math.round(p.startTime)]));
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    const mb = statSync(file).size / 1024 / 1024;
    // eslint-disable-next-line no-console
    console.log(`1,000-role x 150-permission HTML report: ${mb.toFixed(2)} MB, ${elements} elements after load, load ${loadMs} ms, ${paint.map(([n, t]) => `${n} ${t} ms`).join(', ')}`);
    expect(mb).toBeLessThanOrEqual(3);
    expect(elements).toBeLessThanOrEqual(25_000);
    // The first screen: the summary, the worst roles, the heat map's first 100 rows; every role listed, none built.
    expect(await page.locator('ol.worst li').count()).toBe(10);
    expect(await page.locator('#fleet tbody tr').count()).toBe(100);
    expect(await page.locator('details.role').count()).toBe(1000);
    expect(await page.locator('details.role[data-built]').count()).toBe(0);
    // A worst role's link opens its section, built from the data: every finding listed, findings before the matrix.
    const first = page.locator('ol.worst a').first();
    const target = (await first.getAttribute('href'))!.slice(1);
    await first.click();
    const section = page.locator(`details#${target}`);
    await page.waitForSelector(`details#${target}[open][data-built]`, { timeout: 10_000 });
    const r = report.results[Number(target.replace('role-', ''))];
    expect(await section.locator('ul.findings li').count()).toBe(r.findings.length);
    const order = await section.locator('h3').allInnerTexts();
    expect(order.indexOf('Findings')).toBeLessThan(order.indexOf('Permissions'));
    // Opening by its summary works too.
    await page.locator('details#role-1 > summary').click();
    await page.waitForSelector('details#role-1[data-built]', { timeout: 10_000 });
    expect(await page.locator('details#role-1 table.matrix tbody tr').count()).toBe(report.results[1].rules.length);
    // More rows: by the button, and by scrolling to the end of the table.
    await page.click('#fleet-more');
    expect(await page.locator('#fleet tbody tr').count()).toBeGreaterThanOrEqual(200);
    await page.locator('#fleet-more').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('#fleet tbody tr').length > 200, undefined, { timeout: 10_000 });
    expect(await axeViolations(page)).toEqual([]);
    expect({ problems, requests }).toEqual({ problems: [], requests: [] });
    await page.close();
  }, 240_000);

  test('a 1,000-role fleet: heat map with totals, filter and sort over every role, hostile names as text', async () => {
    const report: AuditReport = fleetReport(1000);
    const html = FORMATS.html.report(report, { color: false });
    const { page, problems, requests } = await open(browser, 'report-fleet-1000', html);
    const columns = new Set(report.results.flatMap((r) => r.rules.filter((x) => x.kind === 'permission').map((x) => x.id)));
    expect(await page.locator('#fleet thead th').count()).toBe(6 + columns.size);
    expect(await page.locator('#fleet-shown').innerText()).toBe('1000 of 1000 roles shown (100 listed)');
    // Totals: roles failing each permission, as the report says.
    const firstCol = [...columns][0];
    const failing = report.results.filter((r) => r.rules.find((x) => x.id === firstCol)?.status === 'fail').length;
    expect(failing).toBeGreaterThan(0);
    const headers = await page.locator('#fleet thead th').allInnerTexts();
    const colName = report.results[0].rules.find((x) => x.id === firstCol)!.permission!.name;
    const colIndex = headers.findIndex((h) => h.trim().startsWith(colName));
    expect(await page.locator('#fleet tfoot td').nth(colIndex - 1).innerText()).toBe(String(failing));
    // Names with markup are text, in the heat map and in the role list.
    await page.fill('#fleet-q', 'integration 97 <b>');
    expect(await page.locator('#fleet td.role', { hasText: 'Integration 97 <b>&amp;</b>' }).count()).toBe(1);
    expect(await page.locator('#fleet b, details.role summary b').count()).toBe(0);
    // Filters and sorts work on all 1,000 roles, not only the rows listed.
    await page.fill('#fleet-q', 'integration 12');
    const expected = report.results.filter((r) => `${r.role.name} ${r.role.scriptId}`.toLowerCase().includes('integration 12')).length;
    expect(await visibleRows(page)).toBe(expected);
    expect(await page.locator('#fleet-shown').innerText()).toBe(`${expected} of 1000 roles shown`);
    await page.fill('#fleet-q', '');
    await page.selectOption('#fleet-status', 'compliant');
    const compliant = report.results.filter((r) => r.status === 'compliant').length;
    expect(await visibleRows(page)).toBe(Math.min(100, compliant));
    expect(await page.locator('#fleet-shown').innerText()).toMatch(new RegExp(`^${compliant} of 1000 roles shown`));
    await page.selectOption('#fleet-status', '');
    await page.click('#fleet thead button[data-col="3"]'); // Errors, ascending
    await page.click('#fleet thead button[data-col="3"]'); // then descending
    const top = Number(await page.locator('#fleet tbody tr').first().locator('td').nth(3).innerText());
    expect(top).toBe(Math.max(...report.results.map((r) => r.counts.errors)));
    expect(await page.locator('#fleet thead th[aria-sort="descending"]').count()).toBe(1);
    // Printing opens (and builds) every role.
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('details.role[data-built][open]').count()).toBe(1000);
    await page.screenshot({ path: join(ARTIFACTS, 'report-fleet-1000.png') });
    expect({ problems, requests }).toEqual({ problems: [], requests: [] });
    await page.close();
  }, 240_000);

  test('an access report: people x roles with last use, tokens, hostile names escaped, accessible', async () => {
    const { page, problems, requests } = await open(browser, 'report-access', FORMATS.html.report(accessReport(), { color: false }));
    const rows = page.locator('#access tbody tr');
    expect(await rows.count()).toBe(3);
    const dana = (await rows.filter({ hasText: 'Dana' }).locator('td').allInnerTexts()).map((t) => t.trim());
    expect(dana).toEqual(['never', '', '', '']);
    expect(await page.locator('#access thead th').allInnerTexts()).toEqual(['Person', 'Sync <Integration>', 'AP Enter', 'AP Pay', 'Old export']);
    expect(await page.locator('#access tfoot').innerText()).toContain('sync-old: 2026-03-01');
    // A role's steps are in its section, built when opened.
    expect(await page.locator('ul.steps li', { hasText: 'Revoke sync-old' }).count()).toBe(0);
    await page.locator('details.role > summary', { hasText: 'Sync <Integration>' }).click();
    expect(await page.locator('ul.steps li', { hasText: 'Revoke sync-old' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'report-access.png'), fullPage: true });
    expect({ problems, requests }).toEqual({ problems: [], requests: [] });
    await page.close();
  }, 60_000);

  test('a comparison: two roles side by side', async () => {
    const c = sampleComparison();
    const { page, problems, requests } = await open(browser, 'comparison', FORMATS.html.comparison(c, { color: false }));
    expect(await page.locator('table.matrix tbody tr').count()).toBe(c.flags.length + c.settings.length + c.permissions.length);
    const row = page.locator('tr', { hasText: 'Sales Order (TRAN_SALESORD)' });
    expect((await row.locator('td').allInnerTexts()).map((t) => t.trim())).toEqual(['Full', 'Edit', '≠ level']);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'comparison.png'), fullPage: true });
    expect({ problems, requests }).toEqual({ problems: [], requests: [] });
    await page.close();
  }, 60_000);

  test('the CSP refuses a script that is not the page\'s own (defence in depth behind escaping)', async () => {
    const html = FORMATS.html.report(driftedReport(), { color: false }).replace('</body>', '<script>document.title = "pwned"</script></body>');
    const { page, problems } = await open(browser, 'negative-script', html);
    expect(await page.title()).toBe('NetSuite role audit');
    expect(problems.join("\n")).toMatch(/inline script violates the following Content Security Policy directive .*The action has been blocked/);
    await page.close();
  }, 60_000);

  test('the page could fail: a report that fetches something is caught', async () => {
    const html = FORMATS.html.report(driftedReport(), { color: false }).replace('</body>', '<img src="https://example.invalid/x.png" alt=""></body>');
    const { requests, problems } = await open(browser, 'negative-control', html);
    // The CSP refuses the fetch (a console error), and the request attempt is still seen.
    expect(problems.join('\n')).toMatch(/Content Security Policy|Refused/i);
    expect(requests.length + problems.length).toBeGreaterThan(0);
  }, 60_000);
});
