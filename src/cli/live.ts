import { AuditError } from '../errors';
import type { RoleSource } from '../sources/role-source';
import type { CliIo } from './io';

/** Options that choose a live NetSuite source. */
export interface LiveOptions {
  connection?: string;
  source?: string;
  config?: string;
}

/** Builds the live source the flags and environment describe. */
export async function resolveLiveSource(_opts: LiveOptions, _io: CliIo): Promise<RoleSource> {
  throw new AuditError('USAGE', 'no role source: pass --role-file <path>', {
    details: { hint: 'live audits over SuiteQL/SOAP are not available in this build' },
  });
}
