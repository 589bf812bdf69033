import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../package-root';

let cached: string | undefined;

/** The package version, from package.json (read once). */
export function toolVersion(): string {
  cached ??= (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
  return cached;
}
