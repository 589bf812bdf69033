/**
 * The JSON Schemas of every input, as data modules (as the catalog's permissions are): the
 * sources of the published `schema/*.schema.json` (scripts/build-schemas.js writes those, adding
 * the policy schema's per-name completions for editors).
 */
import accountFixture from './account-fixture.schema.json';
import config from './config.schema.json';
import policy from './policy.schema.json';
import report from './report.schema.json';
import roleSnapshot from './role-snapshot.schema.json';

/** Each schema by the name validateAgainstSchema takes. */
export const SCHEMAS = { policy, 'role-snapshot': roleSnapshot, 'account-fixture': accountFixture, config, report } as const;
