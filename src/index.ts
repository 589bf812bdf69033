/**
 * ns-role-audit as a library: read a policy, read a role from any source, diff, report.
 * `core/` is pure (values in, values out); `adapters/` read files and talk to NetSuite.
 * The NetSuite simulator is a separate entry point: `ns-role-audit/simulator`.
 */
import { installSchemaValidators } from './adapters/schema-validators';

// Policies, snapshots and configs are validated against their schemas from the first call on.
installSchemaValidators();

export type * from './core/model';
export { FINDING_CODES, ACCESS_FINDING_CODES, FLAGS, FLAG_LABELS, FAIL_ON, REPORT_SCHEMA_VERSION, ROLE_SETTINGS, SETTING_KEYS, RECORD_SEGMENTS, finding, formatLoc } from './core/model';
export { getCatalog, createCatalog, type Catalog, type LookupResult, type Permission, type Level, type Subtab } from './core/catalog';
export { loadPolicy, parsePolicyLayer, mergePolicyLayers, type PolicyHost, type PolicyLayer, type PolicyOptions } from './core/policy';
export { diffRole, type RoleDiff, type DiffOptions } from './core/diff';
export { findingFails, failsAt, ruleFails, runFails, ruleStatus, roleStatus, countFindings, settleRole } from './core/verdict';
export { auditSnapshot, buildReport } from './core/audit';
export { FORMATS, FORMAT_NAMES, describeFinding, type FormatName, type FormatContext, type Formatter, type OutputFormat } from './core/format';
export { parseSdfRole, readSdfRoleDocument } from './core/role/sdf';
export { validateSdfRole } from './core/role/validate-sdf';
export { formatSdfRole } from './core/role/format-sdf';
export { planFix, type FixPlan, type FixChange, type FixOptions } from './core/fix/plan-fix';
export { linkFixes } from './core/fix/link-fixes';
export { auditAccess, roleAccessFacts, type AccountAccess, type AccessAuditOptions } from './core/access/account';
export { checkAccess, DEFAULT_MAX_IDLE_DAYS } from './core/access/checks';
export type { RoleAccessFacts, HolderFact } from './core/access/facts';
export { readAccountAccess } from './adapters/access/read-access';
export { parseSnapshot, formatSnapshot } from './core/role/snapshot';
export { compareRoles } from './core/compare';
export { applyBaseline, createBaseline, type Baseline, type BaselineEntry } from './core/baseline';
export { AuditError } from './core/errors';
export { readPolicy } from './adapters/read-policy';
export { auditRole } from './adapters/audit-role';
export type { RoleSource, FetchHints } from './adapters/sources/role-source';
export { createFileSource, readRoleFiles } from './adapters/role-files';
export { createLiveSource, type LiveSourceKind } from './adapters/sources/live-source';
export { openSession, type Session } from './adapters/netsuite/session';
export { connectionFromEnv, connectionFromConfig, readConfig, type Connection } from './adapters/config';
export { passportSignature, tokenPassportXml, oauthHeader } from './adapters/netsuite/signing';
export { runFleet, type FleetOptions, type FleetProgress } from './adapters/fleet/run-fleet';
