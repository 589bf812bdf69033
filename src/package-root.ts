import { join } from 'node:path';

/**
 * The package's own folder (where package.json, policies/, fixtures/ and wsdl/ are). This file
 * sits one level below it in every form the code runs in: src/ (tests), dist/ (the library) and
 * the CLI bundle, dist/cli.js (scripts/bundle.js), whose __dirname is also dist/.
 */
const PACKAGE_ROOT = join(__dirname, '..');

/** A path inside the package. */
export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}
