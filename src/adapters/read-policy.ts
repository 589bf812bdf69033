import { dirname, isAbsolute, join, resolve } from 'node:path';
import { packFile } from './packs';
import { readTextFile } from './read-file';
import { loadPolicy, type PolicyHost, type PolicyOptions } from '../core/policy/load';
import type { Policy } from '../core/model';

/** The file system as the policy loader sees it. */
const fsPolicyHost: PolicyHost = {
  readText: (file) => readTextFile(file, 'policy'),
  // `pack:<name>` is a shipped pack (policies/packs/); an absolute path is itself; anything else is
  // relative to the file naming it.
  resolveRef: (from, ref) => packFile(ref) ?? (isAbsolute(ref) ? ref : join(dirname(from), ref)),
  identity: (file) => resolve(file),
};

/** Reads a policy file and everything it `extends` from disk (see core/policy/load.ts). */
export function readPolicy(file: string, opts: PolicyOptions = {}): Policy {
  return loadPolicy(file, fsPolicyHost, opts);
}
