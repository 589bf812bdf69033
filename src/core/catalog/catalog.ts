import data from './permissions.data.json';
import { LEVELS, type Level } from './levels';
import { subtabOf, type Subtab } from './subtabs';
import { createSuggester } from './suggest';

/** One permission of NetSuite's catalog. */
export interface Permission {
  /** Stable permission ID ("permkey"), e.g. TRAN_SALESORD. */
  id: string;
  /** Display name on the role page. */
  name: string;
  /** Other names the same ID is known by (Oracle's variants, guides' wording). */
  aliases: string[];
  subtab: Subtab;
  /** Levels the role page lets an administrator choose (none for markers that are not permissions). */
  levels: readonly Level[];
  /** Where the ID comes from: Oracle's permission table, or NetSuite's REST metadata beyond it. */
  provenance: 'oracle' | 'rest-metadata';
}

/** The result of looking a permission up by ID or name. */
export type LookupResult =
  | { ok: true; permission: Permission }
  | { ok: false; suggestions: Permission[] };

/** The permission catalog: lookups by ID, name or alias. */
export interface Catalog {
  readonly size: number;
  all(): readonly Permission[];
  byId(id: string): Permission | undefined;
  lookup(query: string): LookupResult;
  search(query: string, limit?: number): Permission[];
}

interface RawPermission { id: string; name: string; aliases?: string[]; levels?: string[]; provenance?: string }

/** Lower-cases, trims and folds white space: the key every name is indexed under. */
function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The singular of a name's last word: "customer payments" -> "customer payment". */
function singularize(name: string): string {
  return name.replace(/(\w+)$/, (w) => {
    if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
    if (/(ss|us|is)$/.test(w)) return w;
    if (/(ch|sh|x|ss)es$/.test(w)) return w.slice(0, -2);
    if (/s$/.test(w) && w.length > 3) return w.slice(0, -1);
    return w;
  });
}

/** Builds a catalog from raw entries; the default catalog is built from the bundled data. */
export function createCatalog(raw: readonly RawPermission[]): Catalog {
  const perms: Permission[] = raw.map((r) => ({
    id: r.id,
    name: r.name,
    aliases: r.aliases ?? [],
    subtab: subtabOf(r.id),
    levels: (r.levels as Level[] | undefined) ?? LEVELS,
    provenance: r.provenance === 'rest-metadata' ? 'rest-metadata' : 'oracle',
  }));
  const ids = new Map(perms.map((p) => [p.id, p]));
  const exact = new Map<string, Permission>();
  for (const p of perms) {
    for (const n of [p.name, ...p.aliases]) {
      const key = normalizeName(n);
      if (!exact.has(key)) exact.set(key, p);
    }
  }
  // A name whose last word is singular where the catalog's is plural, or the reverse: the
  // catalog names that singularize() maps to the same words are the query's singular with each
  // plural ending singularize() removes. No index of every name's singular is built (a start-up
  // pays for what it looks up, bench/cold-start.js); the first such permission in catalog order wins.
  const byNumber = (query: string): Permission | undefined => {
    const one = singularize(query);
    const candidates = [one, `${one}s`, `${one}es`, ...(one.endsWith('y') ? [`${one.slice(0, -1)}ies`] : [])];
    let best: Permission | undefined;
    for (const key of candidates) {
      const p = exact.get(key);
      if (p && singularize(key) === one && (!best || perms.indexOf(p) < perms.indexOf(best))) best = p;
    }
    return best;
  };
  let suggester: ReturnType<typeof createSuggester> | undefined;
  const suggest = (query: string, n: number): string[] => (suggester ??= createSuggester([...new Set(perms.flatMap((p) => [p.name, ...p.aliases]))]))(query, n);

  function byId(id: string): Permission | undefined {
    return ids.get(id.trim().toUpperCase());
  }

  function lookup(query: string): LookupResult {
    const hit = byId(query) ?? exact.get(normalizeName(query)) ?? byNumber(normalizeName(query));
    if (hit) return { ok: true, permission: hit };
    const suggestions = suggest(query, 3).map((n) => exact.get(normalizeName(n))!);
    return { ok: false, suggestions: [...new Set(suggestions)] };
  }

  function search(query: string, limit = 50): Permission[] {
    const q = normalizeName(query);
    if (!q) return perms.slice(0, limit);
    const found = lookup(query);
    const contains = perms.filter(
      (p) => p.id.toLowerCase().includes(q) || [p.name, ...p.aliases].some((n) => normalizeName(n).includes(q)),
    );
    const first = found.ok ? [found.permission] : found.suggestions;
    return [...new Set([...first, ...contains])].slice(0, limit);
  }

  return { size: perms.length, all: () => perms, byId, lookup, search };
}

let defaultCatalog: Catalog | undefined;

/** The bundled catalog: Oracle's 669 permission IDs and the 84 beyond them (built once, on first use). */
export function getCatalog(): Catalog {
  defaultCatalog ??= createCatalog(data.permissions as RawPermission[]);
  return defaultCatalog;
}
