import type { ErrorObject, ValidateFunction } from 'ajv';
import type { InputIssue } from '../errors';
import { closest } from '../catalog/suggest';
import { SCHEMAS } from './schemas';
import { formatPath, type YamlFile } from './yaml-file';

/** The JSON Schemas of the inputs (published as `schema/<name>.schema.json`), by name. */
export type SchemaName = keyof typeof SCHEMAS;

/** A compiled validator: true, or false with ajv's `errors`. */
export type SchemaValidator = ValidateFunction;

/**
 * The validators, one per schema, provided from outside the core (adapters/schema-validators.ts:
 * the build's standalone validators, else ajv compiling SCHEMAS), so the core neither loads code
 * by path nor pays for a compile it does not need.
 */
let validators: Partial<Record<SchemaName, SchemaValidator>> = {};

/**
 * Installs validators (every entry point does, through adapters/schema-validators.ts). Each is
 * read from `given` when first needed, so `given` may load them on access (the build's are one
 * module per schema: an audit never loads the simulator's fixture validator).
 */
export function provideSchemaValidators(given: Partial<Record<SchemaName, SchemaValidator>>): void {
  validators = given;
}

function getSchema(name: SchemaName): Record<string, unknown> {
  return SCHEMAS[name] as Record<string, unknown>;
}

function validator(name: SchemaName): SchemaValidator {
  const v = validators[name];
  if (!v) throw new Error(`no validator for the ${name} schema: an entry point must call provideSchemaValidators (adapters/schema-validators.ts)`);
  return v;
}

/** Checks a parsed YAML/JSON file against a published schema; each violation becomes a positioned issue. */
export function validateAgainstSchema(name: SchemaName, yaml: YamlFile): InputIssue[] {
  const validate = validator(name);
  if (validate(yaml.value)) return [];
  const errors = validate.errors ?? [];
  const issues: InputIssue[] = [];
  // A permission entry's branches report at the entry itself; specIssues says which applies.
  const entries = new Set(errors.filter((e) => e.keyword === 'anyOf' && name === 'policy' && e.instancePath.startsWith('/permissions/')).map((e) => e.instancePath));
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (e.keyword !== 'anyOf' && entries.has(e.instancePath)) continue;
    if (e.keyword === 'anyOf' && name === 'policy' && e.instancePath.startsWith('/permissions/')) {
      issues.push(...specIssues(name, yaml, e, errors));
      continue;
    }
    if (!e.schemaPath.includes('/anyOf/')) issues.push(toIssue(name, yaml, e));
  }
  // One problem, one issue: a value that fails a branch and the choice between branches is said once.
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.code}|${i.path}|${i.loc.line}:${i.loc.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const LEVEL_WORDS = ['None', 'View', 'Create', 'Edit', 'Full'];

/**
 * A permission entry is a level or an object: say what is wrong in the branch the value took
 * (a level that is not one, or the object's own problems), never "needs one of".
 */
function specIssues(name: SchemaName, yaml: YamlFile, e: ErrorObject, all: ErrorObject[]): InputIssue[] {
  const path = pointerToPath(e.instancePath);
  const got = valueAt(yaml.value, path);
  if (got !== null && typeof got === 'object' && !Array.isArray(got)) {
    return all.filter((x) => x.instancePath.startsWith(e.instancePath) && /\/anyOf\/1\//.test(x.schemaPath) && x.keyword !== 'anyOf')
      .map((x) => (x.keyword === 'pattern' ? levelIssue(yaml, pointerToPath(x.instancePath)) : toIssue(name, yaml, x)));
  }
  return [levelIssue(yaml, path)];
}

function levelIssue(yaml: YamlFile, path: string[]): InputIssue {
  const got = valueAt(yaml.value, path);
  const near = typeof got === 'string' ? closest(got, LEVEL_WORDS, 1) : [];
  return {
    code: 'INVALID_VALUE',
    message: `${JSON.stringify(got)} is not a level; expected one of ${LEVEL_WORDS.join(', ')} (any case)`,
    loc: yaml.locate(path),
    path: formatPath(path),
    suggestion: near.length ? `did you mean '${near[0]}'?` : undefined,
  };
}

function pointerToPath(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function allowedKeys(name: SchemaName, at: string): string[] {
  // "#/properties/permissions/additionalProperties" -> properties of that schema object
  const schema = getSchema(name);
  let node: any = schema;
  const parts = at.replace(/^#\//, '').split('/').slice(0, -1);
  for (const p of parts) node = node?.[p];
  if (node?.$ref) node = resolveRef(schema, node.$ref);
  return Object.keys(node?.properties ?? {});
}

function resolveRef(schema: any, ref: string): any {
  return ref.replace(/^#\//, '').split('/').reduce((n, p) => n?.[p], schema);
}

function toIssue(name: SchemaName, yaml: YamlFile, e: ErrorObject): InputIssue {
  const path = pointerToPath(e.instancePath);
  const shown = formatPath(path);
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = String((e.params as { additionalProperty: string }).additionalProperty);
      const keys = allowedKeys(name, e.schemaPath);
      const near = closest(extra, keys, 1);
      return {
        code: 'UNKNOWN_FIELD',
        message: `unknown field '${extra}'`,
        loc: yaml.locate([...path, extra], { key: true }),
        path: formatPath([...path, extra]),
        suggestion: near.length ? `did you mean '${near[0]}'?` : keys.length ? `allowed here: ${keys.join(', ')}` : undefined,
      };
    }
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      return { code: 'MISSING_FIELD', message: `missing required field '${missing}'`, loc: yaml.locate(path), path: shown, suggestion: `add '${missing}:'` };
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues).map(String);
      // Levels are accepted in three casings; show each once, as the role page writes it.
      const title = (a: string) => a[0].toUpperCase() + a.slice(1).toLowerCase();
      const distinct = allowed.filter((a) => a === title(a) || !allowed.includes(title(a)));
      const got = valueAt(yaml.value, path);
      const near = typeof got === 'string' ? closest(got, distinct, 1) : [];
      return {
        code: 'INVALID_VALUE',
        message: `${JSON.stringify(got)} is not allowed; expected one of ${distinct.join(', ')}`,
        loc: yaml.locate(path), path: shown,
        suggestion: near.length ? `did you mean '${near[0]}'?` : undefined,
      };
    }
    case 'type':
      return { code: 'WRONG_TYPE', message: `must be ${(e.params as { type: string | string[] }).type.toString().replace(',', ' or ')}`, loc: yaml.locate(path), path: shown };
    case 'const':
      return { code: 'INVALID_VALUE', message: `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`, loc: yaml.locate(path), path: shown };
    case 'pattern':
      if (e.schemaPath.includes('/level/')) return levelIssue(yaml, path);
      return { code: 'INVALID_VALUE', message: `${JSON.stringify(valueAt(yaml.value, path))} must match ${(e.params as { pattern: string }).pattern}`, loc: yaml.locate(path), path: shown, suggestion: patternHint(path) };
    case 'anyOf': {
      const options = (resolveRef(getSchema(name), e.schemaPath.replace(/\/anyOf$/, '')) as { anyOf?: Array<{ required?: string[] }> }).anyOf ?? [];
      const names = options.flatMap((o) => o.required ?? []);
      return { code: 'MISSING_FIELD', message: `needs at least one of ${names.join(', ')}`, loc: yaml.locate(path), path: shown };
    }
    case 'minProperties':
      return { code: 'MISSING_FIELD', message: 'must not be empty', loc: yaml.locate(path), path: shown };
    default:
      return { code: 'INVALID_VALUE', message: e.message ?? 'invalid', loc: yaml.locate(path), path: shown };
  }
}

function patternHint(path: string[]): string | undefined {
  const last = path[path.length - 1];
  if (last === 'expires') return 'write the date as YYYY-MM-DD, e.g. 2027-03-31';
  if (last === 'scriptId') return "a script id is letters, digits and underscores, e.g. customrole_polytomic";
  if (last === 'internalId') return 'internal ids are whole numbers, e.g. 1028';
  if (path.includes('centerType')) return 'a center as SDF writes it (ACCOUNTCENTER, BASIC, ...) or a custom center by script id, custcenter_x';
  return undefined;
}

function valueAt(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>((v, p) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined), value);
}
