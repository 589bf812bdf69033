import type { CliIo } from './io';
import { createOutputGuard } from './output-guard';
import { shouldColor } from './output';

/** A CliIo whose every write (stdout, stderr, and files through writeOutputFile) passes one redaction. */
export interface RedactingIo extends CliIo {
  /** Adds values (tokens, secrets) that must never be written. */
  addSecrets(values: readonly string[]): void;
  /** The text with every known secret replaced by [redacted], in each form it can take. */
  redact(text: string): string;
  /** The unredacted, unguarded stdout, for output the user asked to contain secrets (`simulate --print-env`). */
  readonly rawStdout: CliIo['stdout'];
  /** Stdout for the `github` format's own workflow commands: redacted and guarded, but a line may start with `::`. */
  readonly commandStdout: CliIo['stdout'];
}

/** The forms a secret can take once it is echoed back: raw, percent-, XML-, HTML- and JSON-escaped, base64. */
export function secretForms(secret: string): string[] {
  const xml = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const forms = [
    secret,
    encodeURIComponent(secret),
    xml,
    xml.replace(/'/g, '&#39;'),
    xml.replace(/'/g, '&#x27;'),
    JSON.stringify(secret).slice(1, -1),
    Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''),
  ];
  return [...new Set(forms)].filter((f) => f.length > 0);
}

/**
 * Wraps the CLI's streams so that no secret reaches a terminal, a CI log or a written file,
 * whatever code path tried to print it: defence in depth behind code that never formats secrets
 * in the first place. Credentials shorter than NetSuite's are refused before any request
 * (adapters/config.ts), so every secret here is long enough to redact without eating words.
 * Stdout and stderr also pass the output guard (cli/output-guard.ts): no control character,
 * terminal escape or CI workflow command from outside data reaches a terminal or a CI log.
 */
export function createRedactingIo(io: CliIo, initial: readonly string[] = []): RedactingIo {
  const forms = new Set<string>();
  const redact = (s: string) => {
    let out = s;
    for (const v of forms) if (out.includes(v)) out = out.split(v).join('[redacted]');
    return out;
  };
  const wrap = (stream: CliIo['stdout'], guard: ReturnType<typeof createOutputGuard>, commands = false) => ({
    isTTY: stream.isTTY,
    write: (s: string) => stream.write(guard(forms.size ? redact(s) : s, commands)),
  });
  // Escapes pass only where the tool itself may write them: colour on stdout, the progress line on a terminal's stderr.
  const outGuard = createOutputGuard(shouldColor(io.stdout, io.env));
  // Longest first: a form inside another form is replaced after it.
  const addSecrets = (values: readonly string[]) => {
    const all = [...forms, ...values.filter((v) => v && v.length >= 6).flatMap(secretForms)];
    forms.clear();
    for (const f of all.sort((a, b) => b.length - a.length)) forms.add(f);
  };
  addSecrets(initial);
  return { ...io, stdout: wrap(io.stdout, outGuard), stderr: wrap(io.stderr, createOutputGuard(io.stderr.isTTY === true || shouldColor(io.stderr, io.env))), commandStdout: wrap(io.stdout, outGuard, true), addSecrets, redact, rawStdout: io.stdout };
}

/** Secret values in the environment: NETSUITE_* secrets, and anything named like a secret or token. */
export function secretsInEnv(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(env)
    .filter(([k]) => /^NETSUITE_(CONSUMER_KEY|CONSUMER_SECRET|TOKEN_ID|TOKEN_SECRET)$/.test(k) || /(SECRET|TOKEN|PASSWORD|CONSUMER_KEY)/i.test(k))
    .map(([, v]) => v ?? '')
    .filter((v) => v.length >= 8);
}
