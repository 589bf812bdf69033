import { readTextFile } from '../adapters/read-file';
import { parseLevel, type Level } from '../core/catalog/levels';
import { AuditError, type InputIssue } from '../core/errors';
import { fileErrorText } from '../core/file-errors';
import { validateAgainstSchema } from '../core/input/schema';
import { parseYamlFile } from '../core/input/yaml-file';
import { canonicalAccount } from '../core/account-id';
import { parsePermkey } from '../core/catalog/permkey';
import type { FaultSettings, SimAccount, SimRole, SuiteQlBehaviour } from './account';

/** Fixture as written (after schema validation). */
interface RawFixture {
  account: { id: string | number; companyName?: string; concurrencyLimit?: number; features?: Partial<SimAccount['features']>; clockSkewSeconds?: number; suiteql?: Partial<SuiteQlBehaviour> };
  customRecordTypes?: Record<string, number>;
  roles: Array<{
    internalId: number; scriptId: string; name: string; inactive?: boolean; allPermissions?: boolean;
    flags?: { webServicesOnly?: boolean; doNotRestrictEmployeeFields?: boolean };
    settings?: Record<string, boolean | string>;
    recordRestrictions?: Array<{ segment: string; restriction: string; viewingAllowed?: boolean; itemsRestricted?: boolean }>;
    permissions?: Record<string, string | { level: string; restriction?: string }>;
  }>;
  integrations?: Array<{ name: string; consumerKey: string; consumerSecret: string; enabled?: boolean }>;
  users?: Array<{ internalId: number; name: string; email?: string; roles?: string[]; giveAccess?: boolean; inactive?: boolean; globalPermissions?: Record<string, string> }>;
  loginAudit?: Array<{ token?: string; user?: number; role?: string; daysAgo: number; status?: 'Success' | 'Failure' }>;
  systemNotes?: Array<{ role: string; field: string; oldValue?: string; newValue?: string; by: number; daysAgo: number }>;
  tokens?: Array<{ name: string; tokenId: string; tokenSecret: string; integration: string; user: number; role: string; revoked?: boolean }>;
  records?: Record<string, string[]>;
  faults?: Partial<FaultSettings>;
}

/** Default faults: none. */
const NO_FAULTS: FaultSettings = { latencyMs: 0, serverErrorRate: 0, concurrencyRefusalRate: 0, truncateRate: 0, seed: 1 };

/** Parses and cross-checks an account fixture (YAML/JSON). Pure; throws AuditError FIXTURE_INVALID with positioned issues. */
export function parseAccountFixture(file: string, text: string): SimAccount {
  const { yaml, issues } = parseYamlFile(file, text);
  const all: InputIssue[] = [...issues];
  if (yaml) all.push(...validateAgainstSchema('account-fixture', yaml));
  if (!yaml || all.length) throw new AuditError('FIXTURE_INVALID', `${file}: not a valid account fixture`, { issues: all });
  const raw = yaml.value as RawFixture;
  const problem = (path: Array<string | number>, message: string) => all.push({ code: 'FIXTURE_INVALID', message, loc: yaml.locate(path) });

  const roles: SimRole[] = raw.roles.map((r) => {
    // Permission keys in any form real roles use; one identity each (core/catalog/permkey.ts).
    const lines = Object.entries(r.permissions ?? {}).map(([k, v]) => ({ key: parsePermkey(k).id, level: parseLevel(typeof v === 'string' ? v : v.level) as Level, restriction: typeof v === 'string' ? undefined : v.restriction }));
    return {
      internalId: String(r.internalId),
      scriptId: r.scriptId,
      name: r.name,
      settings: { ...r.settings },
      recordRestrictions: r.recordRestrictions ?? [],
      allPermissions: r.allPermissions ?? false,
      inactive: r.inactive ?? false,
      webServicesOnly: r.flags?.webServicesOnly ?? false,
      doNotRestrictEmployeeFields: r.flags?.doNotRestrictEmployeeFields ?? false,
      permissions: new Map(lines.map((l) => [l.key, l.level])),
      restrictions: new Map(lines.filter((l) => l.restriction).map((l) => [l.key, l.restriction!.toUpperCase()])),
    };
  });
  const roleByScript = new Map(roles.map((r) => [r.scriptId, r]));
  const seen = new Set<string>();
  raw.roles.forEach((r, i) => {
    for (const key of [`id:${r.internalId}`, `script:${r.scriptId}`]) {
      if (seen.has(key)) problem(['roles', i], `duplicate role ${key.replace(':', ' ')}`);
      seen.add(key);
    }
  });
  const integrations = (raw.integrations ?? []).map((x) => ({ ...x, enabled: x.enabled ?? true }));
  const integrationByName = new Map(integrations.map((x) => [x.name, x]));
  const users = (raw.users ?? []).map((u) => ({
    internalId: String(u.internalId), name: u.name, email: u.email, roles: u.roles ?? [], giveAccess: u.giveAccess ?? true, inactive: u.inactive ?? false,
    globalPermissions: new Map(Object.entries(u.globalPermissions ?? {}).map(([k, v]) => [parsePermkey(k).id, parseLevel(v) as Level])),
  }));
  users.forEach((u, i) => u.roles.forEach((r, j) => { if (!roleByScript.has(r)) problem(['users', i, 'roles', j], `no role '${r}' in this fixture`); }));
  const tokens = (raw.tokens ?? []).flatMap((t, i) => {
    const integration = integrationByName.get(t.integration);
    const role = roleByScript.get(t.role);
    const user = users.find((u) => u.internalId === String(t.user));
    if (!integration) problem(['tokens', i, 'integration'], `no integration '${t.integration}' in this fixture`);
    if (!role) problem(['tokens', i, 'role'], `no role '${t.role}' in this fixture`);
    if (!user) problem(['tokens', i, 'user'], `no user ${t.user} in this fixture`);
    else if (role && !user.roles.includes(role.scriptId)) problem(['tokens', i, 'role'], `user ${t.user} does not hold role '${t.role}'`);
    if (!integration || !role || !user) return [];
    return [{ name: t.name, tokenId: t.tokenId, tokenSecret: t.tokenSecret, integration, userId: user.internalId, role, revoked: t.revoked ?? false }];
  });
  const logins = (raw.loginAudit ?? []).flatMap((l, i) => {
    // A token's login is its user with its role; a person's names both.
    const token = l.token !== undefined ? tokens.find((t) => t.name === l.token) : undefined;
    if (l.token !== undefined && !token) problem(['loginAudit', i, 'token'], `no token '${l.token}' in this fixture`);
    const userId = token?.userId ?? (l.user !== undefined ? String(l.user) : undefined);
    const role = token?.role ?? (l.role !== undefined ? roleByScript.get(l.role) : undefined);
    if (!token && (userId === undefined || !users.some((u) => u.internalId === userId))) problem(['loginAudit', i], 'name a token, or a user of this fixture and a role');
    if (!token && !role) problem(['loginAudit', i], `no role '${l.role}' in this fixture`);
    if (!userId || !role) return [];
    return [{ userId, roleId: role.internalId, daysAgo: l.daysAgo, status: l.status ?? 'Success', ...(token ? { token: token.name, app: token.integration.name } : {}) }];
  });
  const systemNotes = (raw.systemNotes ?? []).flatMap((n, i) => {
    const role = roleByScript.get(n.role);
    if (!role) problem(['systemNotes', i, 'role'], `no role '${n.role}' in this fixture`);
    if (!users.some((u) => u.internalId === String(n.by))) problem(['systemNotes', i, 'by'], `no user ${n.by} in this fixture`);
    return role ? [{ roleId: role.internalId, field: n.field, ...(n.oldValue !== undefined ? { oldValue: n.oldValue } : {}), ...(n.newValue !== undefined ? { newValue: n.newValue } : {}), by: String(n.by), daysAgo: n.daysAgo }] : [];
  });
  if (all.length) throw new AuditError('FIXTURE_INVALID', `${file}: not a valid account fixture`, { issues: all });

  let nextId = 100;
  const records = new Map(Object.entries(raw.records ?? {}).map(([type, names]) => [type, names.map((name) => ({ internalId: String(nextId++), name }))]));
  return {
    id: canonicalAccount(String(raw.account.id)),
    companyName: raw.account.companyName ?? 'Simulated Company',
    concurrencyLimit: raw.account.concurrencyLimit ?? 5,
    features: { soapWebServices: true, restWebServices: true, tokenBasedAuthentication: true, ...raw.account.features },
    clockSkewSeconds: raw.account.clockSkewSeconds ?? 0,
    suiteql: { scriptIdCase: 'as-is', customRecordKeys: 'scriptid', roleTablesDenied: 400, hiddenRoleColumns: [], roleRestrictions: 'words', roleAssignments: 'employeerolesforsearch', loginAudit: 'readable', globalPermissions: 'employee-permkey', roleRecordType: '-118', ...raw.account.suiteql },
    customRecordTypes: new Map(Object.entries(raw.customRecordTypes ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)])),
    roles,
    integrations,
    users,
    logins,
    systemNotes,
    tokens,
    records,
    faults: { ...NO_FAULTS, ...raw.faults },
  };
}

/** Reads an account fixture file. */
export function readAccountFixture(file: string): SimAccount {
  let text: string;
  try {
    text = readTextFile(file, 'fixture');
  } catch (e) {
    if (e instanceof AuditError) throw e;
    throw new AuditError('FIXTURE_UNREADABLE', `${file}: ${fileErrorText(e)}`);
  }
  return parseAccountFixture(file, text);
}
