import type { ValidateFunction } from 'ajv';
import { AJV_OPTIONS } from '../core/input/ajv-options';
import { provideSchemaValidators, type SchemaName } from '../core/input/schema';
import { SCHEMAS } from '../core/input/schemas';

let installed = false;

/**
 * Gives the core its schema validators, once per process: the build's standalone validators
 * (dist/core/input/compiled-schemas.js, scripts/build-validators.js) when they exist, else ajv
 * compiling the schemas now (~0.1 s; ts-jest runs the sources, which have no build output).
 */
export function installSchemaValidators(): void {
  if (installed) return;
  installed = true;
  provideSchemaValidators(precompiled() ?? compileNow());
}

function precompiled(): Record<SchemaName, ValidateFunction> | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('../core/input/compiled-schemas') as Record<SchemaName, ValidateFunction>;
  } catch {
    return undefined;
  }
}

function compileNow(): Record<SchemaName, ValidateFunction> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv2020 = require('ajv/dist/2020').default;
  const ajv = new Ajv2020(AJV_OPTIONS);
  for (const schema of Object.values(SCHEMAS)) ajv.addSchema(schema);
  const out = {} as Record<SchemaName, ValidateFunction>;
  for (const [name, schema] of Object.entries(SCHEMAS) as Array<[SchemaName, { $id: string }]>) out[name] = ajv.getSchema(schema.$id) as ValidateFunction;
  return out;
}
