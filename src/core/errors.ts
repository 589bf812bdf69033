import { formatLoc, type SourceLoc } from './model';

/** One problem in an input file, positioned, with a suggestion where one exists. */
export interface InputIssue {
  code: string;
  message: string;
  loc: SourceLoc;
  /** YAML/XML path of the offending node, e.g. `permissions.transactions["Cash Sal"]`. */
  path?: string;
  suggestion?: string;
  /** An error makes the input invalid; a warning is valid wording that is probably a mistake (shown; fatal with --strict). Default error. */
  severity?: 'error' | 'warning';
}

/** Formats an issue as `file:line:column: error CODE: message (at path)\n  suggestion`. */
export function formatIssue(issue: InputIssue): string {
  const at = issue.path ? ` (at ${issue.path})` : '';
  const hint = issue.suggestion ? `\n    ${issue.suggestion}` : '';
  return `${formatLoc(issue.loc)}: ${issue.severity ?? 'error'} ${issue.code}: ${issue.message}${at}${hint}`;
}

/**
 * "Could not audit": the one error base class. `code` is stable; the message is for people and
 * never carries a secret. Anything thrown that is not an AuditError is a bug in this tool.
 */
export class AuditError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;
  readonly issues: InputIssue[];

  constructor(code: string, message: string, opts: { cause?: unknown; details?: Record<string, unknown>; issues?: InputIssue[] } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AuditError';
    this.code = code;
    this.details = opts.details ?? {};
    this.issues = opts.issues ?? [];
  }
}

/** Wraps any error with context ("fetch role x: ..."), keeping the code of an AuditError. */
export function withContext(context: string, err: unknown): AuditError {
  if (err instanceof AuditError) {
    return new AuditError(err.code, `${context}: ${err.message}`, { cause: err, details: err.details, issues: err.issues });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new AuditError('INTERNAL', `${context}: ${message}`, { cause: err });
}
