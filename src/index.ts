/**
 * ns-role-audit as a library: read a policy, read a role from any source, diff, report.
 * The NetSuite simulator is a separate entry point: `ns-role-audit/simulator`.
 */
export { readPolicy, parsePolicyLayer, mergePolicyLayers, type Policy } from './policy';
export { getCatalog, createCatalog, type Catalog, type Permission, type Level, type Subtab } from './catalog';
export { diffRole, FINDING_CODES, failsAt, type Finding, type FindingCode, type Severity, type FailOn } from './diff';
export { auditRole, auditSnapshot, buildReport } from './audit';
export { FORMATTERS, type AuditReport, type RoleAudit, type Formatter } from './report';
export type { RoleSnapshot, RolePermission, RoleFlags } from './role/types';
export type { RoleSource, FetchHints } from './sources/role-source';
export { createFileSource, readRoleFiles } from './sources/file-source';
export { parseSdfRole } from './sources/sdf';
export { parseSnapshot, formatSnapshot } from './sources/snapshot';
export { createLiveSource, type LiveSourceKind } from './sources/live-source';
export { openSession, type Session } from './netsuite/session';
export { connectionFromEnv, connectionFromConfig, readConfig, type Connection } from './netsuite/connection';
export { passportSignature, tokenPassportXml, oauthHeader } from './netsuite/signing';
export { compareRoles, type RoleComparison } from './compare/compare-roles';
export { runFleet } from './fleet/run-fleet';
export { applyBaseline, createBaseline, type Baseline } from './baseline';
export { AuditError } from './errors';
