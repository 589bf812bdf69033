import type { PolicyLayer } from './normalize';
import type { Policy } from '../model';

/** What a policy does with unlisted permissions when no file in its chain says. */
const DEFAULT_EXCESS = 'warn';
/** How the built-in risk rules report when no file in the chain says. */
const DEFAULT_RISK_SEVERITY = 'warning';

/**
 * Merges layers, base first: later layers override a permission, flag, allowance or role field
 * of the same name (a conflict rule by name, a risk severity by permission); waivers add up. Pure.
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
    warnings: [],
    role: {},
    flags: [],
    settings: [],
    recordRestrictions: [],
    rules: [],
    excess: DEFAULT_EXCESS,
    allow: [],
    waivers: [],
    risk: { severity: DEFAULT_RISK_SEVERITY, permissions: [] },
    conflicts: [],
  };
  const risks = new Map<string, Policy['risk']['permissions'][number]>();
  const conflicts = new Map<string, Policy['conflicts'][number]>();
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
    if (l.risk.severity) { policy.risk.severity = l.risk.severity; policy.risk.severityLoc = l.risk.severityLoc; }
    for (const r of l.risk.permissions) risks.set(r.id, r);
    for (const c of l.conflicts) { conflicts.delete(c.name); conflicts.set(c.name, c); }
    if (l.source) policy.source = l.source;
    // A child's holders rule refines its base's, field by field.
    if (l.holders) policy.holders = { ...policy.holders, ...l.holders };
  }
  policy.risk.permissions = [...risks.values()];
  policy.conflicts = [...conflicts.values()];
  policy.rules = [...rules.values()];
  policy.flags = [...flags.values()];
  policy.settings = [...settings.values()];
  policy.recordRestrictions = [...restrictions.values()];
  policy.allow = [...allow.values()];
  return policy;
}
