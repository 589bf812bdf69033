import { getCatalog, SUBTABS, subtabOf } from './catalog';
import { FLAG_LABELS, FLAGS, type FlagDifference, type PermissionDifference, type RoleComparison, type RoleSnapshot } from './model';

const roleName = (r: RoleSnapshot) => r.name ? `${r.name} (${r.scriptId ?? r.internalId})` : r.scriptId ?? r.internalId ?? '?';

/** Compares two role definitions, by subtab; pure. A level of None counts as absent. */
export function compareRoles(left: RoleSnapshot, right: RoleSnapshot, meta: { leftLabel: string; rightLabel: string; generatedAt: string }): RoleComparison {
  const catalog = getCatalog();
  const levels = (r: RoleSnapshot) => new Map(r.permissions.filter((p) => p.level !== 'NONE').map((p) => [p.permkey, p.level]));
  const l = levels(left);
  const r = levels(right);
  const ids = [...new Set([...l.keys(), ...r.keys()])];
  const permissions = ids.map((id): PermissionDifference => {
    const p = catalog.byId(id);
    const a = l.get(id);
    const b = r.get(id);
    const kind = !b ? 'only-left' : !a ? 'only-right' : a === b ? 'same' : 'level';
    return { id, name: p?.name ?? id, subtab: subtabOf(id), ...(a ? { left: a } : {}), ...(b ? { right: b } : {}), kind };
  }).sort((x, y) => SUBTABS.indexOf(x.subtab) - SUBTABS.indexOf(y.subtab) || x.name.localeCompare(y.name));
  const flags = FLAGS.map((flag): FlagDifference => {
    const a = left.flags[flag] ?? null;
    const b = right.flags[flag] ?? null;
    return { flag, label: FLAG_LABELS[flag], left: a, right: b, kind: a === null || b === null ? 'unknown' : a === b ? 'same' : 'different' };
  });
  const count = (k: PermissionDifference['kind']) => permissions.filter((p) => p.kind === k).length;
  const counts = { onlyLeft: count('only-left'), onlyRight: count('only-right'), level: count('level'), same: count('same'), flags: flags.filter((f) => f.kind === 'different').length };
  return {
    schemaVersion: 1,
    generatedAt: meta.generatedAt,
    left: { label: meta.leftLabel, role: roleName(left) },
    right: { label: meta.rightLabel, role: roleName(right) },
    flags,
    permissions,
    equal: counts.onlyLeft + counts.onlyRight + counts.level + counts.flags === 0,
    counts,
  };
}
