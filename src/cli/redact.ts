import type { CliIo } from './io';

/** A CliIo whose stdout and stderr replace known secret values with [redacted]. */
export interface RedactingIo extends CliIo {
  /** Adds values (tokens, secrets) that must never be printed. */
  addSecrets(values: readonly string[]): void;
}

/**
 * Wraps the CLI's streams so that no secret reaches a terminal or CI log, whatever code path
 * (an error message, a trace, a report) tried to print it: defence in depth behind code that
 * never formats secrets in the first place. Values shorter than 8 characters are not treated as
 * secrets (they would redact ordinary words).
 */
export function createRedactingIo(io: CliIo, initial: readonly string[] = []): RedactingIo {
  const secrets = new Set<string>();
  const scrub = (s: string) => {
    let out = s;
    for (const v of secrets) if (out.includes(v)) out = out.split(v).join('[redacted]');
    return out;
  };
  const wrap = (stream: CliIo['stdout']) => ({
    isTTY: stream.isTTY,
    write: (s: string) => stream.write(secrets.size ? scrub(s) : s),
  });
  const addSecrets = (values: readonly string[]) => values.filter((v) => v && v.length >= 8).forEach((v) => secrets.add(v));
  addSecrets(initial);
  return { ...io, stdout: wrap(io.stdout), stderr: wrap(io.stderr), addSecrets };
}

/** Secret values in the environment: NETSUITE_* secrets, and anything named like a secret or token. */
export function secretsInEnv(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(env)
    .filter(([k]) => /^NETSUITE_(CONSUMER_KEY|CONSUMER_SECRET|TOKEN_ID|TOKEN_SECRET)$/.test(k) || /(SECRET|TOKEN|PASSWORD|CONSUMER_KEY)/i.test(k))
    .map(([, v]) => v ?? '')
    .filter((v) => v.length >= 8);
}
