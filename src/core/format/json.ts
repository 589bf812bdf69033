import { describeFinding } from './messages';
import type { AuditReport } from '../model';
import type { Formatter } from './registry';
import { jsonText } from './json-text';

/**
 * The report as JSON (shape documented in docs/reports.md, `json`; `schemaVersion` changes only
 * with a breaking change). Each finding also carries its sentence as `message`.
 */
export const formatJson: Formatter<AuditReport> = (report) => {
  const results = report.results.map((r) => ({ ...r, findings: r.findings.map((f) => ({ ...f, message: f.message ?? describeFinding(f) })) }));
  return jsonText({ ...report, results }) + '\n';
};
