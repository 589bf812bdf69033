import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../src/cli/main';

/** What a CLI run in this process printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A fresh folder holding `files` (name -> text; folders made as needed). */
export function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/**
 * Runs the CLI in this process (the same code the built command runs, thousands of times faster
 * than spawning it) in `cwd`, with a fixed clock and no colour unless the env says otherwise.
 */
export async function cli(argv: string[], opts: { cwd: string; env?: Record<string, string>; now?: string; isTTY?: boolean }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (s: string) => { stdout += s; }, isTTY: opts.isTTY },
    stderr: { write: (s: string) => { stderr += s; } },
    env: { NO_COLOR: '1', ...opts.env },
    cwd: opts.cwd,
    now: () => new Date(opts.now ?? '2026-12-01T00:00:00Z'),
  });
  return { code, stdout, stderr };
}
