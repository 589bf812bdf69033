import { levelLabel, levelRank, type Level } from '../catalog';
import type { RolePermission } from '../model';

/** What a role holds of one permission, read once for every check, comparison and starter policy. */
export interface HeldLevel {
  /** The highest level the role lists it at: what a risk or conflict counts (a risk not ruled out is held). */
  level: Level;
  /** Set when the role lists the permission more than once at different levels: each level, lowest first. */
  readings?: Level[];
  /** The line's Restrict column (of the first line that has one). */
  restriction?: string;
}

/**
 * The role's permissions by key, with one reading of duplicates everywhere: lines that repeat a
 * permission at the same level are one line; lines that disagree leave its level unknown (which
 * line NetSuite applies is unconfirmed, and imported roles do carry duplicate rows), so rules
 * about it are not verifiable, never a pick of the first, the last or the highest.
 */
export function heldLevels(permissions: readonly RolePermission[], keyOf: (p: RolePermission) => string = (p) => p.permkey): Map<string, HeldLevel> {
  const out = new Map<string, HeldLevel>();
  for (const p of permissions) {
    const key = keyOf(p);
    const prev = out.get(key);
    if (!prev) {
      out.set(key, { level: p.level, ...(p.restriction ? { restriction: p.restriction } : {}) });
      continue;
    }
    const levels = [...new Set([...(prev.readings ?? [prev.level]), p.level])].sort((a, b) => levelRank(a) - levelRank(b));
    out.set(key, { level: levels[levels.length - 1], ...(levels.length > 1 ? { readings: levels } : {}), ...(prev.restriction ?? p.restriction ? { restriction: prev.restriction ?? p.restriction } : {}) });
  }
  return out;
}

/** Why a permission listed at several levels cannot be read: "listed 2 times, at View and Full". */
export function ambiguityText(id: string, held: HeldLevel): string {
  return `the role lists ${id} more than once, at ${held.readings!.map(levelLabel).join(' and ')}; which line NetSuite applies is unconfirmed`;
}
