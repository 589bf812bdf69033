/** Permission levels in NetSuite's order: NONE < VIEW < CREATE < EDIT < FULL. */
export const LEVELS = ['NONE', 'VIEW', 'CREATE', 'EDIT', 'FULL'] as const;

/** One of NetSuite's five permission levels. */
export type Level = (typeof LEVELS)[number];

const WORDS: Record<string, Level> = {
  none: 'NONE', view: 'VIEW', create: 'CREATE', edit: 'EDIT', full: 'FULL',
  // SOAP enums (RolePermissionLevel) are written `_none`, `_view`, ...
  _none: 'NONE', _view: 'VIEW', _create: 'CREATE', _edit: 'EDIT', _full: 'FULL',
  // SuiteQL rolepermissions.permlevel is 0..4, returned as a string.
  '0': 'NONE', '1': 'VIEW', '2': 'CREATE', '3': 'EDIT', '4': 'FULL',
};

/** Parses a level from a word ("View"), an SDF word ("VIEW"), a SOAP enum ("_view") or SuiteQL's 0..4. */
export function parseLevel(value: unknown): Level | undefined {
  if (typeof value === 'number') value = String(value);
  if (typeof value !== 'string') return undefined;
  return WORDS[value.trim().toLowerCase()];
}

/** The rank of a level, 0 (NONE) to 4 (FULL). */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** The level as people read it on the role page: "View", "Full". */
export function levelLabel(level: Level): string {
  return level[0] + level.slice(1).toLowerCase();
}

/** What a requirement asks, in words: "exactly View", "at least View, at most Edit", "" for none. */
export function describeLevelRange(min: Level | undefined, max: Level | undefined): string {
  if (min && max && min === max) return `exactly ${levelLabel(min)}`;
  return [min ? `at least ${levelLabel(min)}` : '', max ? `at most ${levelLabel(max)}` : ''].filter(Boolean).join(', ');
}

/** True when `actual` grants at least `required`. */
export function isAtLeast(actual: Level, required: Level): boolean {
  return levelRank(actual) >= levelRank(required);
}
