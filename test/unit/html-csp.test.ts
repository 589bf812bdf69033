/**
 * The HTML report's Content-Security-Policy allows exactly the page's own style and script, by
 * hash: recomputed here, so editing either without its hash fails (and Chromium would refuse it).
 */
import { createHash } from 'node:crypto';
import { HTML_CSP, HTML_SCRIPT, HTML_STYLE, SCRIPT_SHA256, STYLE_SHA256 } from '../../src/core/format/html';
import { FORMATS } from '../../src/core/format';
import { driftedReport } from '../helpers/sample-reports';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');

test('the hashes are those of the page\'s own style and script', () => {
  expect(STYLE_SHA256).toBe(sha256(HTML_STYLE));
  expect(SCRIPT_SHA256).toBe(sha256(HTML_SCRIPT));
});

test('the page carries the policy and exactly one style and one script, those hashed', () => {
  const html = FORMATS.html.report(driftedReport(), { color: false });
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`);
  expect(HTML_CSP).not.toMatch(/unsafe/);
  expect(html.match(/<script>([\s\S]*?)<\/script>/g)).toEqual([`<script>${HTML_SCRIPT}</script>`]);
  expect(html.match(/<style>([\s\S]*?)<\/style>/g)).toEqual([`<style>${HTML_STYLE}</style>`]);
});
