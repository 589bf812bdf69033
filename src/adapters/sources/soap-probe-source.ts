import { getCatalog } from '../../core/catalog';
import { AuditError } from '../../core/errors';
import { PROBE_PAGE_SIZE, PROBES, probeBody, type Probe } from '../netsuite/probes';
import type { SoapClient } from '../netsuite/soap-client';
import { child } from '../../core/xml-tree';
import type { RolePermission, RoleSnapshot } from '../../core/model';
import type { RoleSource } from './role-source';

/** What a failed or successful SuiteQL attempt showed about REST access (auto mode passes it on). */
export interface RestEvidence {
  /** The token logged in over REST. */
  authenticated: boolean;
  /** A SuiteQL query ran. */
  queried: boolean;
  /** The permission a 403 named, if any (e.g. 'Bulk Manage Roles', 'SuiteAnalytics Workbook'). */
  deniedPermission?: string;
}

/** What one read showed: held, not held, or nothing either way (with why). */
type Outcome = { is: 'present' } | { is: 'absent' } | { is: 'unknown'; why: string };

const present: Outcome = { is: 'present' };
const absent: Outcome = { is: 'absent' };
const unknown = (why: string): Outcome => ({ is: 'unknown', why });

/** Names of permissions for a sentence: "Employees (LIST_EMPLOYEE)". */
function named(ids: readonly string[]): string {
  return ids.map((id) => `${getCatalog().byId(id)?.name ?? id} (${id})`).join(', ');
}

/**
 * Effective access over SOAP with the integration's own token: one read-only call per probe-able
 * permission of the policy, in parallel up to the account's limit. A read claims a permission only
 * when that permission alone allows it; what no read can prove is left unverifiable, never assumed.
 */
export function createSoapProbeSource(opts: { soap: SoapClient; accountId: string; rest?: RestEvidence }): RoleSource {
  const catalog = getCatalog();
  const location = `soap:${opts.accountId}`;

  async function runProbe(p: Probe): Promise<Outcome> {
    switch (p.kind) {
      case 'soapLogin': return present; // the governance call below already authenticated
      case 'restLogin':
        if (!opts.rest) return unknown('only a REST call proves it, and this audit made none');
        if (opts.rest.authenticated) return present;
        return opts.rest.deniedPermission === 'REST Web Services' ? absent : unknown('the REST call failed for another reason');
      case 'suiteqlQuery':
        if (opts.rest?.queried) return present;
        return opts.rest?.deniedPermission === 'SuiteAnalytics Workbook' ? absent : unknown('only a SuiteQL query that runs proves it, and none ran');
      default: break;
    }
    const op = p.kind === 'customization' ? 'getCustomizationId' : 'search';
    const r = await opts.soap.call(op, probeBody(p, opts.soap.version)!, op === 'search' ? PROBE_PAGE_SIZE : undefined);
    if (r.error) {
      if (r.error.code !== 'INSUFFICIENT_PERMISSION') return unknown(`the read failed with ${r.error.code}`);
      // Without Find Transaction no transaction search runs at all: that says nothing of the type.
      return p.kind === 'transactionSearch' ? unknown('no transaction search runs without Find Transaction') : absent;
    }
    if (p.kind === 'transactionSearch') {
      // NetSuite drops rows of types the role cannot see: only rows prove access (0 rows proves nothing).
      return Number(child(r.result, 'totalRecords')?.text ?? '0') > 0 ? present : unknown('the search returned no rows, which NetSuite also returns when the role cannot see the type');
    }
    return present;
  }

  /** What a probe's outcome proves of one permission among those that allow the read. */
  function verdictFor(id: string, allowedBy: readonly string[], outcome: Outcome): Outcome {
    if (outcome.is !== 'present' || allowedBy.length === 1) return outcome;
    // A success proves that the role holds one of them, not which (docs/netsuite-facts.md §3).
    return unknown(`the read that would prove it also succeeds with ${named(allowedBy.filter((x) => x !== id))}, so a success cannot tell which the role holds`);
  }

  return {
    kind: 'soap',
    location,
    account: opts.accountId,
    async listRoles() {
      throw new AuditError('NOT_SUPPORTED', 'SOAP cannot list or read role definitions (there is no Role record in SuiteTalk); use a token whose role may read roles over SuiteQL', {
        details: { hint: "give an auditor token 'Bulk Manage Roles', 'REST Web Services', 'Log in using Access Tokens' and 'SuiteAnalytics Workbook'" },
      });
    },
    async fetchRole(selector, hints) {
      const gov = await opts.soap.call('getAccountGovernanceInfo', `<getAccountGovernanceInfo xmlns="urn:messages_${opts.soap.version}.platform.webservices.netsuite.com"/>`);
      const limit = Number(child(gov.result, 'accountConcurrencyLimit')?.text);
      if (Number.isInteger(limit) && limit > 0) opts.soap.limiter.setLimit(limit);

      const wanted = [...new Set(hints?.permissions ?? [])];
      const byBody = new Map<string, Promise<Outcome>>();
      const outcomes = await Promise.all(wanted.map(async (id): Promise<[string, Outcome]> => {
        const entry = PROBES[id];
        if (!entry) return [id, unknown('no read-only SOAP call proves this permission')];
        const key = probeBody(entry.probe, opts.soap.version) ?? entry.probe.kind;
        if (!byBody.has(key)) byBody.set(key, runProbe(entry.probe)); // one call however many permissions share it
        return [id, verdictFor(id, entry.allowedBy, await byBody.get(key)!)];
      }));
      const permissions: RolePermission[] = [];
      const unverifiable: Record<string, string> = {};
      for (const [id, outcome] of outcomes) {
        if (outcome.is === 'unknown') unverifiable[id] = outcome.why;
        if (outcome.is !== 'present') continue;
        // A read proves at least View; for a None/Full-only permission, presence is Full.
        const levels = catalog.byId(id)?.levels ?? [];
        const level = levels.length === 2 && levels[0] === 'NONE' ? levels[1] : 'VIEW';
        permissions.push({ permkey: id, level });
      }
      const snapshot: RoleSnapshot = {
        scriptId: selector.scriptId,
        internalId: selector.internalId,
        name: selector.name,
        flags: {},
        settings: {},
        permissions,
        unverifiable,
        evidence: 'effective-access',
        origin: location,
      };
      return { role: snapshot, notes: [] };
    },
  };
}
