import { createProgress } from '../../src/cli/progress';

function io(isTTY: boolean) {
  const out: string[] = [];
  return { out, io: { stdout: { write: () => true }, stderr: { isTTY, write: (s: string) => out.push(s) }, env: {}, cwd: '/', now: () => new Date() } };
}

test('progress shows only on a TTY, only after a second, and clears itself', () => {
  let t = 0;
  const tty = io(true);
  const p = createProgress(tty.io, () => t);
  p.update('early');
  t = 1500;
  p.update('reading permissions');
  p.done();
  expect(tty.out).toEqual(['\r\u001b[2Kreading permissions', '\r\u001b[2K']);
  const piped = io(false);
  const q = createProgress(piped.io, () => t);
  t = 5000;
  q.update('x');
  q.done();
  expect(piped.out).toEqual([]);
});
