import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AuditError } from '../core/errors';
import type { Policy } from '../core/model';
import { packagePath } from '../package-root';

/** The shipped policy packs: policies/packs/ in the package (dist/adapters and src/adapters alike sit two levels below it). */
export const PACKS_DIR = packagePath('policies', 'packs');
/** The shipped policies (policies/) and templates (policies/templates/). */
const SHIPPED_DIR = packagePath('policies');

const PACK_REF = /^pack:(.*)$/;
/** A pack's name: its file name without .yaml (never a path). */
const PACK_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Every shipped pack's name (its file name without .yaml), sorted. */
export function packNames(): string[] {
  return existsSync(PACKS_DIR) ? readdirSync(PACKS_DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort() : [];
}

/**
 * The file an `extends` entry names: `pack:<name>` is a shipped pack; anything else is a path the
 * caller resolves. An unknown pack is a named error listing the packs there are.
 */
export function packFile(ref: string): string | undefined {
  const m = PACK_REF.exec(ref);
  if (!m) return undefined;
  const name = m[1];
  // A pack, else one of the shipped policies (policies/polytomic.yaml) or templates: every
  // policy the package ships is reachable from any folder.
  const file = PACK_NAME.test(name) ? [join(PACKS_DIR, `${name}.yaml`), join(SHIPPED_DIR, `${name}.yaml`), join(SHIPPED_DIR, 'templates', `${name}.yaml`)].find((f) => existsSync(f)) : undefined;
  // The folders are listed only to say what there is when the name is wrong.
  if (!file) {
    throw new AuditError('EXTENDS_NOT_FOUND', `no policy pack named '${name}'; packs: ${[...packNames(), ...shippedPolicyNames()].join(', ')} (ns-role-audit packs lists them)`);
  }
  return file;
}

/** The shipped policies and templates reachable as pack:<name> besides the packs. */
export function shippedPolicyNames(): string[] {
  const list = (d: string) => (existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)) : []);
  return [...list(SHIPPED_DIR), ...list(join(SHIPPED_DIR, 'templates'))].sort();
}

/** One line of `ns-role-audit packs`. */
export interface PackSummary {
  name: string;
  vendor: string;
  product: string;
  date: string;
  url: string;
  permissions: number;
  conflicts: number;
  leftToUser: string[];
}

/** What `packs` lists, from a loaded pack. */
export function summarizePack(name: string, p: Policy): PackSummary {
  return {
    name, vendor: p.source?.vendor ?? '', product: p.source?.product ?? '', date: p.source?.date ?? '', url: p.source?.url ?? '',
    permissions: p.rules.length, conflicts: p.conflicts.length, leftToUser: p.source?.leftToUser ?? [],
  };
}
