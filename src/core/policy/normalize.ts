import { SUBTABS, parseLevel, levelRank, levelLabel, type Level, type Permission } from '../catalog';
import type { InputIssue } from '../errors';
import { type Allowance, type HoldersRule, type ConflictRule, type ConflictSide, type ExcessMode, type PolicySource, type RiskPolicy, type Severity, type FlagName, type FlagRule, FLAGS, type PermissionRule, RECORD_SEGMENTS, type RecordRestrictionRule, ROLE_SETTINGS, type RoleSelector, SETTING_KEYS, type SettingKey, type SettingRule, type SourceLoc, type Waiver } from '../model';
import { resolvePermission } from './resolve-permission';
import { RISK_RULES } from '../risk/rules';
import { formatPath, type YamlFile } from '../input/yaml-file';
import { daysBetween, isCalendarDate } from '../dates';

/** One policy file's own content, before `extends` is applied. */
export interface PolicyLayer {
  file: string;
  description?: string;
  extends: Array<{ path: string; loc: SourceLoc }>;
  role?: RoleSelector;
  roleLoc?: SourceLoc;
  flags: FlagRule[];
  settings: SettingRule[];
  recordRestrictions: RecordRestrictionRule[];
  rules: PermissionRule[];
  excess?: ExcessMode;
  excessLoc?: SourceLoc;
  allow: Allowance[];
  waivers: Waiver[];
  risk: { severity?: Severity; severityLoc?: SourceLoc; permissions: RiskPolicy['permissions'] };
  conflicts: ConflictRule[];
  holders?: HoldersRule;
  source?: PolicySource;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const PERMISSION_CODES = new Set(['PERMISSION_MISSING', 'LEVEL_TOO_LOW', 'PERMISSION_EXCESS', 'LEVEL_ABOVE_MAX', 'PERMISSION_UNCATALOGUED', 'PERMISSION_RESTRICTION_MISMATCH', 'RISKY_PERMISSION']);
const SETTING_CODES = new Set(['SETTING_MISMATCH', 'RECORD_RESTRICTION_MISMATCH']);

/** What each section's normaliser shares: the file, the layer being built, and the issue sink. */
interface Ctx {
  yaml: YamlFile;
  v: Obj;
  layer: PolicyLayer;
  issue(code: string, path: Array<string | number>, message: string, suggestion?: string, key?: boolean): void;
  /** Valid wording that is probably a mistake: shown by validate and audit, fatal with --strict. */
  warn(code: string, path: Array<string | number>, message: string, suggestion?: string, key?: boolean): void;
  /** Permission IDs already required, with where. */
  seen: Map<string, SourceLoc>;
  /** Today (YYYY-MM-DD), when the caller knows it: waivers far ahead of it are warned about. */
  today?: string;
}

function normalizeHead({ yaml, v, layer }: Ctx): void {
  if (typeof v.description === 'string') layer.description = v.description;
  const ext = typeof v.extends === 'string' ? [v.extends] : Array.isArray(v.extends) ? v.extends : [];
  ext.forEach((p, i) => {
    if (typeof p === 'string') layer.extends.push({ path: p, loc: yaml.locate(typeof v.extends === 'string' ? ['extends'] : ['extends', i]) });
  });
  if (isObj(v.role)) {
    const r = v.role;
    layer.role = {};
    if (typeof r.scriptId === 'string') layer.role.scriptId = r.scriptId;
    if (typeof r.name === 'string') layer.role.name = r.name;
    if (typeof r.internalId === 'number' || typeof r.internalId === 'string') layer.role.internalId = String(r.internalId);
    layer.roleLoc = yaml.locate(['role'], { key: true });
  }
  if (isObj(v.flags)) {
    for (const flag of FLAGS) {
      const value = v.flags[flag];
      if (typeof value === 'boolean') layer.flags.push({ flag, value, loc: yaml.locate(['flags', flag], { key: true }) });
    }
  }
  if (isObj(v.holders)) {
    // The schema has checked the shapes: strings, whole numbers.
    const h = v.holders;
    layer.holders = {
      ...(Array.isArray(h.allow) ? { allow: h.allow.map(String) } : {}),
      ...(typeof h.max === 'number' ? { max: h.max } : {}),
      ...(typeof h.maxIdleDays === 'number' ? { maxIdleDays: h.maxIdleDays } : {}),
      loc: yaml.locate(['holders'], { key: true }),
    };
  }
  if (typeof v.excess === 'string' && ['fail', 'warn', 'ignore'].includes(v.excess)) {
    layer.excess = v.excess as ExcessMode;
    layer.excessLoc = yaml.locate(['excess'], { key: true });
  }
}

/** `settings:` each key pinned to a value, or a list of acceptable values. */
function normalizeSettings({ yaml, v, layer }: Ctx): void {
  if (!isObj(v.settings)) return;
  for (const [key, raw] of Object.entries(v.settings)) {
    if (!(SETTING_KEYS as string[]).includes(key)) continue; // the schema names the unknown key
    const def = ROLE_SETTINGS[key as SettingKey];
    const list = Array.isArray(raw) ? raw : [raw];
    const values = list.map((x) => (typeof x === 'string' ? (/^(\[scriptid=)?custcenter/i.test(x) ? x.replace(/^\[scriptid=|\]$/gi, '').toLowerCase() : x.trim().toUpperCase()) : x));
    if (!values.length || values.some((x) => typeof x !== (def.type === 'boolean' ? 'boolean' : 'string'))) continue; // shape reported by the schema
    layer.settings.push({ key: key as SettingKey, values: values as Array<string | boolean>, loc: yaml.locate(['settings', key], { key: true }) });
  }
}

/** `recordRestrictions:` segment -> the restriction the role must have (NONE: not restricted by it), and the line's boxes when pinned. */
function normalizeRecordRestrictions(ctx: Ctx): void {
  const { yaml, v, layer } = ctx;
  if (!isObj(v.recordRestrictions)) return;
  for (const [segment, raw] of Object.entries(v.recordRestrictions)) {
    if (!(RECORD_SEGMENTS as readonly string[]).includes(segment.toUpperCase())) continue; // reported by the schema
    const spec = typeof raw === 'string' ? { restriction: raw } : isObj(raw) && typeof raw.restriction === 'string' ? raw : undefined;
    if (!spec) continue; // reported by the schema
    const restriction = (spec.restriction as string).trim().toUpperCase();
    const rule: RecordRestrictionRule = { segment: segment.toUpperCase(), restriction, loc: yaml.locate(['recordRestrictions', segment], { key: true }) };
    for (const box of ['viewingAllowed', 'itemsRestricted'] as const) if (typeof spec[box] === 'boolean') rule[box] = spec[box] as boolean;
    if (restriction === 'NONE' && (rule.viewingAllowed !== undefined || rule.itemsRestricted !== undefined)) {
      ctx.warn('BOXES_NOT_CHECKED', ['recordRestrictions', segment], `with restriction NONE there is no ${segment.toUpperCase()} line, so its boxes are not checked`, "pin the boxes with a restriction (e.g. OWNONLY), or remove them", true);
    }
    layer.recordRestrictions.push(rule);
  }
}

function normalizePermissions(ctx: Ctx): void {
  const { yaml, v, layer, issue, seen } = ctx;
  const permissions = isObj(v.permissions) ? v.permissions : {};
  for (const subtab of SUBTABS) {
    const map = permissions[subtab];
    if (!isObj(map)) continue;
    for (const [written, spec] of Object.entries(map)) {
      const path = ['permissions', subtab, written];
      const res = resolvePermission(written, subtab);
      if (!res.ok) { issue(res.code, path, res.message, res.suggestion, true); continue; }
      const levels = parseSpec(spec);
      if (!levels) continue; // shape already reported by the schema
      if ('conflict' in levels) { issue('CONFLICTING_LEVELS', path, "'exact' cannot be combined with 'min' or 'max'", "keep 'exact', or use 'min' and 'max'"); continue; }
      const loc = yaml.locate(path, { key: true });
      const prior = seen.get(res.ref.id);
      if (prior) {
        issue('DUPLICATE_PERMISSION', path, `${res.ref.name} (${res.ref.id}) is already listed at line ${prior.line}`, 'keep one entry for each permission', true);
        continue;
      }
      seen.set(res.ref.id, loc);
      if (levels.min && levels.max && levelRank(levels.min) > levelRank(levels.max)) {
        issue('MIN_ABOVE_MAX', path, `min ${levelLabel(levels.min)} is above max ${levelLabel(levels.max)}`, 'lower min or raise max');
        continue;
      }
      const bad = impossibleLevel(res.permission, levels);
      if (bad) { issue('IMPOSSIBLE_LEVEL', path, bad.message, bad.suggestion); continue; }
      if (levels.min === 'NONE' && !levels.max && !levels.restriction) {
        ctx.warn('LEVEL_ASKS_NOTHING', path, `{min: None} asks nothing: the role may hold ${res.ref.name} at any level, and it is no longer excess`, "write 'None' (or {exact: None}) to ban it, add 'max' for a ceiling, or list it under allow:", true);
      }
      layer.rules.push({ ...res.ref, min: levels.min, max: levels.max, ...(levels.restriction ? { restriction: levels.restriction } : {}), loc });
    }
  }
}

function normalizeAllow(ctx: Ctx): void {
  const { yaml, v, layer, issue, seen } = ctx;
  if (!isObj(v.allow)) return;
  for (const [written, lvl] of Object.entries(v.allow)) {
    const path = ['allow', written];
    const max = parseLevel(lvl);
    const res = resolvePermission(written, undefined);
    if (!res.ok) { issue(res.code, path, res.message, res.suggestion, true); continue; }
    if (!max) continue;
    if (seen.has(res.ref.id)) {
      issue('ALLOW_OVERLAPS_RULE', path, `${res.ref.name} (${res.ref.id}) is already required under permissions`, `set 'max' on that entry instead`, true);
      continue;
    }
    const bad = impossibleLevel(res.permission, { max });
    if (bad) { issue('IMPOSSIBLE_LEVEL', path, bad.message, bad.suggestion); continue; }
    if (max === 'NONE') ctx.warn('LEVEL_ASKS_NOTHING', path, `allowing ${res.ref.name} up to None allows nothing: holding it is still a finding`, 'give the highest level the role may hold, or remove the entry', true);
    layer.allow.push({ ...res.ref, max, loc: yaml.locate(path, { key: true }) });
  }
}

/** Rules a waiver can name with `rule:` (those whose findings name no permission, flag, setting or conflict). */
const WAIVER_RULES: Record<string, string> = { role: 'role:active', excess: 'excess', risk: 'risk', source: 'source', holders: 'holders:*' };
/** Access findings about one person: a waiver names them (holder:). */
const HOLDER_CODES = new Set(['ASSIGNMENT_DORMANT', 'GLOBAL_PERMISSION', 'USER_SOD_CONFLICT']);
/** A waiver further ahead than this many days is probably a mistake (a year typed wrong, or a permanent waiver in disguise). */
const WAIVER_HORIZON_DAYS = 366;

function normalizeWaivers(ctx: Ctx): void {
  const { yaml, v, layer, issue } = ctx;
  const waivers = Array.isArray(v.waivers) ? v.waivers : [];
  waivers.forEach((w, i) => {
    if (!isObj(w) || typeof w.code !== 'string' || typeof w.reason !== 'string' || typeof w.expires !== 'string') return;
    const path = ['waivers', i];
    const waiver: Waiver = { code: w.code, reason: w.reason, expires: w.expires, loc: yaml.locate(path) };
    if (!isCalendarDate(w.expires)) issue('INVALID_DATE', [...path, 'expires'], `'${w.expires}' is not a calendar date`, 'write the date as YYYY-MM-DD, e.g. 2027-03-31');
    else if (ctx.today && daysBetween(ctx.today, w.expires) > WAIVER_HORIZON_DAYS) {
      ctx.warn('WAIVER_FAR_AHEAD', [...path, 'expires'], `this waiver holds until ${w.expires}, more than a year from today (${ctx.today})`, 'waivers are for a while: set the date of the next review, and renew it then');
    }
    if (typeof w.permission === 'string') {
      const res = resolvePermission(w.permission, undefined);
      if (!res.ok) { issue(res.code, [...path, 'permission'], res.message, res.suggestion); return; }
      waiver.permissionId = res.ref.id;
      waiver.permissionName = res.ref.name;
    }
    if (typeof w.flag === 'string' && (FLAGS as readonly string[]).includes(w.flag)) waiver.flag = w.flag as FlagName;
    if (typeof w.setting === 'string') {
      // A segment (DEPARTMENT) or one of its line's boxes (DEPARTMENT.viewingAllowed); else a setting key.
      const seg = /^(DEPARTMENT|CLASS|LOCATION)(\.(viewingAllowed|itemsRestricted))?$/i.exec(w.setting);
      const box = seg?.[3] === undefined ? '' : seg[3].toLowerCase() === 'viewingallowed' ? '.viewingAllowed' : '.itemsRestricted';
      waiver.setting = seg ? `recordRestrictions.${seg[1].toUpperCase()}${box}` : w.setting;
    }
    if (typeof w.conflict === 'string') waiver.conflict = w.conflict;
    if (typeof w.holder === 'string' || typeof w.holder === 'number') waiver.holder = String(w.holder);
    if (typeof w.token === 'string') waiver.token = w.token;
    if (typeof w.rule === 'string' && Object.hasOwn(WAIVER_RULES, w.rule)) waiver.rule = WAIVER_RULES[w.rule];
    const missing = (what: string, hint: string) => issue('WAIVER_TARGET_MISSING', path, `a ${w.code} waiver must name the ${what} it covers`, hint);
    if (SETTING_CODES.has(w.code) && !waiver.setting) return missing('setting', w.code === 'SETTING_MISMATCH' ? "add 'setting: <key>', e.g. 'setting: coreAdminPermissions'" : "add 'setting: DEPARTMENT' (or CLASS, LOCATION)");
    if (PERMISSION_CODES.has(w.code) && !waiver.permissionId) return missing('permission', "add 'permission: <name or ID>'");
    if (w.code === 'SOD_CONFLICT' && !waiver.conflict) return missing('conflict', "add 'conflict: <the conflict rule's name>'");
    if (w.code === 'FLAG_MISMATCH' && !waiver.flag) return missing('flag', "add 'flag: webServicesOnly' (or doNotRestrictEmployeeFields, inactive)");
    if (HOLDER_CODES.has(w.code) && !waiver.holder) return missing('holder', "add 'holder: <email, entity id or internal id>'");
    if (w.code === 'TOKEN_UNUSED' && !waiver.token) return missing('token', "add 'token: <the token's name>'");
    // Without a target, one NOT_VERIFIABLE waiver would accept everything a source cannot see:
    // a permanent --accept-unverified hidden in a policy.
    if (w.code === 'NOT_VERIFIABLE' && !waiver.permissionId && !waiver.flag && !waiver.setting && !waiver.conflict && !waiver.rule) {
      return missing('rule', "add 'permission: <name or ID>', 'flag:', 'setting:', 'conflict:', or 'rule: excess' (or risk, role, holders)");
    }
    layer.waivers.push(waiver);
  });
}

const SEVERITIES = ['error', 'warning', 'info'];

/** `risks:` a severity for every built-in risk rule, and per permission. */
function normalizeRisks({ yaml, v, layer, issue }: Ctx): void {
  if (!isObj(v.risks)) return;
  const r = v.risks;
  if (typeof r.severity === 'string' && SEVERITIES.includes(r.severity)) {
    layer.risk.severity = r.severity as Severity;
    layer.risk.severityLoc = yaml.locate(['risks', 'severity'], { key: true });
  }
  if (!isObj(r.permissions)) return;
  for (const [written, sev] of Object.entries(r.permissions)) {
    const path = ['risks', 'permissions', written];
    const res = resolvePermission(written, undefined);
    if (!res.ok) { issue(res.code, path, res.message, res.suggestion, true); continue; }
    if (typeof sev !== 'string' || !SEVERITIES.includes(sev)) continue; // the schema names it
    if (!RISK_RULES.some((r) => r.id === res.ref.id)) {
      issue('NOT_A_RISK_RULE', path, `${res.ref.name} (${res.ref.id}) is not on the built-in risk list, so a severity for it changes nothing`, 'see policies/README.md "Risk rules" for the list; use conflicts: or excess: for other permissions', true);
      continue;
    }
    layer.risk.permissions.push({ ...res.ref, severity: sev as Severity, loc: yaml.locate(path, { key: true }) });
  }
}

/** One side of a conflict: permission -> the level from which holding it counts. */
function conflictSide(ctx: Ctx, path: Array<string | number>, raw: unknown): ConflictSide | undefined {
  if (!isObj(raw)) return undefined;
  const side: ConflictSide = [];
  for (const [written, lvl] of Object.entries(raw)) {
    const res = resolvePermission(written, undefined);
    if (!res.ok) { ctx.issue(res.code, [...path, written], res.message, res.suggestion, true); return undefined; }
    const min = parseLevel(lvl);
    if (!min) return undefined; // the schema names it
    if (min === 'NONE') { ctx.issue('INVALID_VALUE', [...path, written], 'a conflict side counts a permission held at or above a level; None would match every role', "use 'View' or above"); return undefined; }
    const offered = res.permission?.levels;
    if (offered?.length && !offered.includes(min)) {
      const from = offered.find((l) => levelRank(l) >= levelRank(min));
      ctx.warn('LEVEL_NOT_OFFERED', [...path, written], `${res.ref.name} (${res.ref.id}) is never granted at ${levelLabel(min)}; NetSuite offers ${offered.map(levelLabel).join(', ')}, so this side counts it from ${from ? levelLabel(from) : 'no level'}`, from ? `write '${levelLabel(from)}'` : 'remove the entry', true);
    }
    side.push({ ...res.ref, min });
  }
  return side.length ? side : undefined;
}

/** `conflicts:` segregation-of-duties rules, two-sided (`any` with `with`) or one-sided (`any`). */
function normalizeConflicts(ctx: Ctx): void {
  const { yaml, v, layer, issue } = ctx;
  const list = Array.isArray(v.conflicts) ? v.conflicts : [];
  const names = new Map<string, number>();
  list.forEach((c, i) => {
    if (!isObj(c) || typeof c.name !== 'string' || typeof c.reason !== 'string') return; // the schema names it
    const path = ['conflicts', i];
    if (names.has(c.name)) { issue('DUPLICATE_CONFLICT', [...path, 'name'], `conflict '${c.name}' is already defined at line ${names.get(c.name)}`, 'give each conflict rule its own name'); return; }
    names.set(c.name, yaml.locate([...path, 'name']).line);
    const any = conflictSide(ctx, [...path, 'any'], c.any);
    const other = c.with === undefined ? undefined : conflictSide(ctx, [...path, 'with'], c.with);
    if (!any || (c.with !== undefined && !other)) return;
    layer.conflicts.push({
      name: c.name, reason: c.reason,
      ...(typeof c.source === 'string' ? { source: c.source } : {}),
      ...(c.mapping === 'source' || c.mapping === 'ours' ? { mapping: c.mapping } : {}),
      severity: typeof c.severity === 'string' && SEVERITIES.includes(c.severity) ? (c.severity as Severity) : 'error',
      any, ...(other ? { with: other } : {}),
      loc: yaml.locate(path),
    });
  });
}

/** `source:` the vendor page a pack transcribes. */
function normalizeSource({ v, layer }: Ctx): void {
  const s = v.source;
  if (!isObj(s)) return;
  const str = (k: string) => (typeof s[k] === 'string' ? (s[k] as string) : '');
  const list = (k: string) => (Array.isArray(s[k]) ? (s[k] as unknown[]).filter((x): x is string => typeof x === 'string') : undefined);
  layer.source = { vendor: str('vendor'), product: str('product'), title: str('title'), url: str('url'), date: str('date'), ...(list('leftToUser') ? { leftToUser: list('leftToUser') } : {}), ...(list('notes') ? { notes: list('notes') } : {}) };
}

/**
 * Applies the semantic rules the schema cannot express (known permissions on the right subtab,
 * grantable levels, min <= max, no permission twice, real dates) and normalizes the file.
 * Tolerant of shapes the schema already rejected, so every problem is reported at once.
 */
export function normalizePolicyLayer(yaml: YamlFile, opts: { today?: string } = {}): { layer: PolicyLayer; issues: InputIssue[]; warnings: InputIssue[] } {
  const issues: InputIssue[] = [];
  const warnings: InputIssue[] = [];
  const ctx: Ctx = {
    yaml,
    v: isObj(yaml.value) ? yaml.value : {},
    layer: { file: yaml.file, extends: [], flags: [], settings: [], recordRestrictions: [], rules: [], allow: [], waivers: [], risk: { permissions: [] }, conflicts: [] },
    issue: (code, path, message, suggestion, key = false) => issues.push({ code, message, loc: yaml.locate(path, { key }), path: formatPath(path), suggestion }),
    warn: (code, path, message, suggestion, key = false) => warnings.push({ code, message, loc: yaml.locate(path, { key }), path: formatPath(path), suggestion, severity: 'warning' }),
    seen: new Map(),
    ...(opts.today ? { today: opts.today } : {}),
  };
  normalizeHead(ctx);
  normalizeSettings(ctx);
  normalizeRecordRestrictions(ctx);
  normalizePermissions(ctx); // before allow: an allowance may not repeat a required permission
  normalizeAllow(ctx);
  normalizeWaivers(ctx);
  normalizeRisks(ctx);
  normalizeConflicts(ctx);
  normalizeSource(ctx);
  return { layer: ctx.layer, issues, warnings };
}

type Spec = { min?: Level; max?: Level; restriction?: string } | { conflict: true };

function parseSpec(spec: unknown): Spec | undefined {
  if (typeof spec === 'string') {
    const min = parseLevel(spec);
    // A bare level is a minimum; a bare None reads as what people mean by it: not granted.
    if (min === 'NONE') return { min, max: min };
    return min ? { min } : undefined;
  }
  if (!isObj(spec)) return undefined;
  const exact = spec.exact === undefined ? undefined : parseLevel(spec.exact);
  const min = spec.min === undefined ? undefined : parseLevel(spec.min);
  const max = spec.max === undefined ? undefined : parseLevel(spec.max);
  if ((spec.exact !== undefined && !exact) || (spec.min !== undefined && !min) || (spec.max !== undefined && !max)) return undefined;
  if (exact && (min || max)) return { conflict: true };
  const restriction = typeof spec.restriction === 'string' ? spec.restriction.trim().toUpperCase() : undefined;
  if (exact) return { min: exact, max: exact, restriction };
  if (!min && !max && !restriction) return undefined;
  return { min, max, restriction };
}

function impossibleLevel(p: Permission | undefined, spec: { min?: Level; max?: Level }): { message: string; suggestion: string } | undefined {
  if (!p) return undefined;
  if (!p.levels.length) {
    return { message: `${p.id} is a marker in NetSuite's metadata, not a permission a role can be granted`, suggestion: 'remove this entry' };
  }
  for (const [kind, level] of [['min', spec.min], ['max', spec.max]] as const) {
    if (!level || p.levels.includes(level)) continue;
    // min None asks for nothing; any permission can be absent except those with no None level.
    if (kind === 'min' && level === 'NONE') continue;
    const grantable = p.levels.map(levelLabel).join(', ');
    const up = p.levels.find((l) => levelRank(l) >= levelRank(level));
    const down = [...p.levels].reverse().find((l) => levelRank(l) <= levelRank(level));
    const pick = kind === 'min' ? up ?? down : down ?? up;
    return {
      message: `${p.name} (${p.id}) cannot be granted at ${levelLabel(level)}; NetSuite offers ${grantable}`,
      suggestion: pick ? `use '${levelLabel(pick)}'` : `use one of ${grantable}`,
    };
  }
  return undefined;
}


