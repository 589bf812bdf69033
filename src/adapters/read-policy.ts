import { dirname, join, resolve } from 'node:path';
import { readTextFile } from './read-file';
import { loadPolicy, type PolicyHost } from '../core/policy/load';
import type { Policy } from '../core/model';

/** The file system as the policy loader sees it. */
const fsPolicyHost: PolicyHost = {
  readText: (file) => readTextFile(file, 'policy'),
  resolveRef: (from, ref) => join(dirname(from), ref),
  identity: (file) => resolve(file),
};

/** Reads a policy file and everything it `extends` from disk (see core/policy/load.ts). */
export function readPolicy(file: string, host: PolicyHost = fsPolicyHost): Policy {
  return loadPolicy(file, host);
}
