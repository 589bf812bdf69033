import { parsePermkey } from '../../catalog';
import { finding, type Finding } from '../../model';
import { describePermission, type CheckContext, type CheckResult, type RuleDraft } from './context';

const CUSTOM_KINDS = new Set(['customrecord', 'customtransaction', 'customsegment']);

/** Role permissions no catalog lists are reported (never dropped), unless the policy names them. */
export function checkCatalogued(ctx: CheckContext): CheckResult {
  const named = new Set([...ctx.policy.rules.map((r) => r.id), ...ctx.policy.allow.map((a) => a.id)]);
  const rule: RuleDraft = { id: 'catalog', title: 'Every permission on the role is a known NetSuite permission', kind: 'catalog' };
  const findings = [...ctx.levels.keys()]
    // Custom records, transaction types and segments are the account's own: only standard-form
    // IDs (and forms no parser knows) can be missing from the catalog.
    .filter((k) => !named.has(k) && !ctx.catalog.byId(k) && !CUSTOM_KINDS.has(parsePermkey(k).kind))
    .map((k) => finding('PERMISSION_UNCATALOGUED', { rule: rule.id, permission: describePermission(ctx, k), actualLevel: ctx.levels.get(k) }));
  return { rule, findings };
}
