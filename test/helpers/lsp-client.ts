import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** A minimal LSP client over stdio (Content-Length framing), enough to drive yaml-language-server. */
export class LspClient {
  private proc: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, (result: unknown) => void>();
  readonly diagnostics = new Map<string, Array<{ message: string; range: unknown }>>();
  private waiters: Array<() => void> = [];

  constructor(root: string) {
    const bin = join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
    this.proc = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.proc.stdout!.on('data', (d: Buffer) => this.onData(d));
  }

  private onData(d: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, d]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const msg = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString());
      this.buffer = this.buffer.subarray(end + 4 + length);
      if (msg.id !== undefined && this.pending.has(msg.id)) {
        this.pending.get(msg.id)!(msg.result);
        this.pending.delete(msg.id);
      } else if (msg.id !== undefined && msg.method) {
        // A request from the server (configuration, registration): answer it plainly.
        this.send({ jsonrpc: '2.0', id: msg.id, result: msg.method === 'workspace/configuration' ? (msg.params.items as unknown[]).map(() => ({ validate: true, completion: true, hover: true, schemaStore: { enable: false } })) : null });
      } else if (msg.method === 'textDocument/publishDiagnostics') {
        this.diagnostics.set(msg.params.uri, msg.params.diagnostics);
        for (const w of this.waiters.splice(0)) w();
      }
    }
  }

  private send(msg: object): void {
    const body = JSON.stringify(msg);
    this.proc.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve) => {
      this.pending.set(id, resolve as (r: unknown) => void);
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves once diagnostics for `uri` have been published. */
  async diagnosticsFor(uri: string, timeoutMs = 10_000): Promise<Array<{ message: string }>> {
    const started = Date.now();
    while (!this.diagnostics.has(uri)) {
      if (Date.now() - started > timeoutMs) throw new Error(`no diagnostics for ${uri}`);
      await new Promise<void>((r) => { this.waiters.push(r); setTimeout(r, 200); });
    }
    return this.diagnostics.get(uri)!;
  }

  async start(rootUri: string): Promise<void> {
    await this.request('initialize', { processId: process.pid, rootUri, capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } }, workspace: { configuration: true } } });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: { yaml: { validate: true, completion: true, hover: true, schemaStore: { enable: false } } } });
  }

  stop(): void {
    this.proc.kill();
  }
}
