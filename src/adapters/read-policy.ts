import { dirname, isAbsolute, join, resolve } from 'node:path';
import { packFile } from './packs';
import { readTextFile } from './read-file';
import { loadPolicy, type PolicyHost, type PolicyOptions } from '../core/policy/load';
import type { Policy } from '../core/model';

/** The file system as the policy loader sees it. */
const fsPolicyHost: PolicyHost = {
  // `pack:<name>` is a shipped pack (policies/packs/), read from there and shown by that name.
  readText: (file) => readTextFile(packFile(file) ?? file, 'policy'),
  // An absolute path is itself; anything else is relative to the file naming it (a pack's own
  // relative references, to its folder).
  // A pack reference is checked here, so an unknown name is reported where `extends` names it.
  resolveRef: (from, ref) => (packFile(ref) ? ref : isAbsolute(ref) ? ref : join(dirname(packFile(from) ?? from), ref)),
  identity: (file) => resolve(packFile(file) ?? file),
};

/** Reads a policy file (or a shipped pack, `pack:<name>`) and everything it `extends` from disk (see core/policy/load.ts). */
export function readPolicy(file: string, opts: PolicyOptions = {}): Policy {
  return loadPolicy(file, fsPolicyHost, opts);
}

/** Loads a policy whose own text is in hand (not yet on disk, as `pull --as policy` writes it); what it `extends` is read from disk. */
export function readPolicyFromText(file: string, text: string, opts: PolicyOptions = {}): Policy {
  const top = resolve(file);
  return loadPolicy(top, { ...fsPolicyHost, readText: (f) => (resolve(f) === top ? text : fsPolicyHost.readText(f)) }, opts);
}
