/**
 * The last line of defence between what the tool prints and whatever reads it: a terminal, or a CI
 * runner that scans every line of stdout and stderr for commands. Formatters already make outside
 * text inert; this guard makes sure nothing slips through, whatever the command or code path.
 *
 * - Control characters, C1 controls and the bidirectional formatting characters that reorder what
 *   a reader sees become U+FFFD; the escape character survives only as the colour (SGR) and
 *   erase-line sequences the tool itself writes. Tabs and line ends stay.
 * - GitHub's runner runs a line as a workflow command when, after leading white space, it starts
 *   with `::`, and a legacy command wherever `##[` stands in a line (Azure Pipelines: `##vso[`);
 *   lines end at CR, LF or CR LF (actions/runner: ActionCommand.TryParseV2 / TryParse,
 *   ProcessInvoker's ReadLine). Outside the `github` format, which writes commands on purpose,
 *   such a line start becomes `：:` (U+FF1A), and `##[` becomes `#＃[` (U+FF03): shown, never run.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /\u001b\[[0-9;]*[mK]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_PLAIN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
const COMMAND_START = /^([ \t\u00a0\ufeff]*):(?=:)/;
const LEGACY_COMMAND = /##(?=(?:vso)?\[)/gi;

/** Makes one chunk safe: controls, escapes and commands (see above). `atLineStart` says whether the chunk begins a line. */
function guardChunk(chunk: string, opts: { commands: boolean; atLineStart: boolean; escapes: boolean }): string {
  const safe = (opts.escapes ? chunk.replace(UNSAFE, (m) => (m.length > 1 ? m : '\uFFFD')) : chunk.replace(UNSAFE_PLAIN, '\uFFFD')).replace(LEGACY_COMMAND, '#\uFF03');
  if (opts.commands) return safe;
  // Split at CR, LF and CR LF, keeping the breaks; each piece after a break starts a line.
  const parts = safe.split(/(\r\n|\r|\n)/);
  for (let i = 0; i < parts.length; i += 2) {
    if (i === 0 && !opts.atLineStart) continue;
    parts[i] = parts[i].replace(COMMAND_START, '$1\uFF1A');
  }
  return parts.join('');
}

/**
 * A stateful guard for one stream: it remembers whether the last write ended a line, so a line
 * written in several pieces is judged at its real start. `escapes`: the stream may carry the
 * tool's own colour and erase-line sequences (a colour terminal); otherwise no escape passes at
 * all. `commands` (per write): the `github` format's own workflow commands (their data is escaped
 * by the formatter), so `::` at a line start is left alone.
 */
export function createOutputGuard(escapes: boolean): (chunk: string, commands?: boolean) => string {
  let atLineStart = true;
  return (chunk, commands = false) => {
    if (!chunk) return chunk;
    const out = guardChunk(chunk, { commands, atLineStart, escapes });
    const last = chunk[chunk.length - 1];
    atLineStart = last === '\n' || last === '\r';
    return out;
  };
}
