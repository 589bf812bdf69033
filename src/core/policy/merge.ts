import type { PolicyLayer } from './normalize';
import type { Policy } from '../model';

/** What a policy does with unlisted permissions when no file in its chain says. */
const DEFAULT_EXCESS = 'warn';

/**
 * Merges layers, base first: later layers override a permission, flag, allowance or role field
 * of the same name; waivers add up. Pure.
 */
export function mergePolicyLayers(layers: readonly PolicyLayer[]): Policy {
  const top = layers[layers.length - 1];
  const rules = new Map<string, Policy['rules'][number]>();
  const flags = new Map<string, Policy['flags'][number]>();
  const allow = new Map<string, Policy['allow'][number]>();
  const settings = new Map<string, Policy['settings'][number]>();
  const restrictions = new Map<string, Policy['recordRestrictions'][number]>();
  const policy: Policy = {
    file: top.file,
    files: layers.map((l) => l.file),
    role: {},
    flags: [],
    settings: [],
    recordRestrictions: [],
    rules: [],
    excess: DEFAULT_EXCESS,
    allow: [],
    waivers: [],
  };
  for (const l of layers) {
    if (l.description !== undefined) policy.description = l.description;
    if (l.role) { policy.role = { ...policy.role, ...l.role }; policy.roleLoc = l.roleLoc; }
    for (const f of l.flags) flags.set(f.flag, f);
    for (const s of l.settings) settings.set(s.key, s);
    for (const r of l.recordRestrictions) restrictions.set(r.segment, r);
    for (const r of l.rules) { rules.delete(r.id); allow.delete(r.id); rules.set(r.id, r); }
    for (const a of l.allow) { if (!rules.has(a.id)) allow.set(a.id, a); }
    if (l.excess) { policy.excess = l.excess; policy.excessLoc = l.excessLoc; }
    policy.waivers.push(...l.waivers);
  }
  policy.rules = [...rules.values()];
  policy.flags = [...flags.values()];
  policy.settings = [...settings.values()];
  policy.recordRestrictions = [...restrictions.values()];
  policy.allow = [...allow.values()];
  return policy;
}
