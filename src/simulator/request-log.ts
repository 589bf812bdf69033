/** One request as the simulator saw it. Never holds a secret: token by name, not id. */
export interface LoggedRequest {
  time: string;
  api: 'soap' | 'rest' | 'wsdl' | 'other';
  /** SOAP operation (`search`), or `METHOD /path` for REST. */
  operation: string;
  /** For SOAP searches: the search record type; for SuiteQL: the table. */
  target?: string;
  token?: string;
  role?: string;
  /** `ok`, or the error code returned (INVALID_LOGIN_ATTEMPT, INSUFFICIENT_PERMISSION, WS_REQUEST_BLOCKED, ...). */
  outcome: string;
  status: number;
  /** SuiteQL: rows returned. */
  rows?: number;
  /** Why a login failed, as NetSuite's Login Audit Trail would say. */
  detail?: string;
  /** Requests in flight on the account when this one arrived (itself included). */
  concurrent: number;
  durationMs: number;
}

/** The request log tests and users read: what a client did, in order. */
export class RequestLog {
  readonly entries: LoggedRequest[] = [];
  private max = 0;
  constructor(private readonly limit = 100_000) {}

  add(entry: LoggedRequest): void {
    this.max = Math.max(this.max, entry.concurrent);
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  /** The most requests that were in flight at once (refused ones included). */
  get maxConcurrent(): number {
    return this.max;
  }

  /** Most requests in flight at once among those accepted (not refused for concurrency). */
  get maxAcceptedConcurrent(): number {
    return this.entries.filter((e) => e.outcome !== 'WS_REQUEST_BLOCKED' && e.outcome !== 'CONCURRENCY_LIMIT_EXCEEDED').reduce((m, e) => Math.max(m, e.concurrent), 0);
  }

  clear(): void {
    this.entries.length = 0;
    this.max = 0;
  }
}
