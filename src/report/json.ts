import { describeFinding } from './messages';
import type { Formatter } from './types';

/**
 * The report as JSON (shape documented in README "JSON report"; `schemaVersion` changes only
 * with a breaking change). Each finding also carries its sentence as `message`.
 */
export const formatJson: Formatter = (report) => {
  const results = report.results.map((r) => ({ ...r, findings: r.findings.map((f) => ({ ...f, message: describeFinding(f) })) }));
  return JSON.stringify({ ...report, results }, null, 2) + '\n';
};
