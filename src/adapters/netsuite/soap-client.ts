import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditError } from '../../core/errors';
import { child, parseXmlTree, type XmlNode } from '../../core/xml-tree';
import type { Credentials } from './credentials';
import { soapUrl } from './endpoints';
import { LOGIN_CAUSES, unavailable } from './rest-errors';
import { tokenPassportXml, type SigningContext } from './signing';
import type { HttpResponse, Transport } from './transport';
import { packagePath } from '../../package-root';

/** The project's own small WSDL (only the read operations the auditor uses). */
const WSDL_TEMPLATE = packagePath('wsdl', 'netsuite.wsdl');

/** Operations the client may call: read-only by construction (the WSDL holds no others). */
export const READ_OPERATIONS = ['search', 'searchMoreWithId', 'getCustomizationId', 'getAll', 'getServerTime', 'getAccountGovernanceInfo', 'getIntegrationGovernanceInfo', 'getDataCenterUrls'] as const;
/** A read-only SOAP operation. */
export type ReadOperation = (typeof READ_OPERATIONS)[number];

/** A NetSuite status detail (`INSUFFICIENT_PERMISSION`, ...) from a result's status. */
interface StatusError {
  code: string;
  message: string;
}

/** What a call returned: the result element, or the status error it carried. */
export interface SoapResult {
  result: XmlNode;
  error?: StatusError;
}

const PASSPORT_MARK = '<!--ns-role-audit:tokenPassport-->';

const text = (n: XmlNode | undefined) => n?.text ?? '';

/** Reads a SOAP fault from a response body, when it is one. */
function readFault(body: string): { code: string; message: string; element?: string } | undefined {
  const { root } = parseXmlTree(body);
  const fault = root && child(child(root, 'Body'), 'Fault');
  if (!fault) return undefined;
  const detail = child(fault, 'detail')?.children[0];
  return { code: text(child(detail, 'code')) || text(child(fault, 'faultcode')), message: text(child(detail, 'message')) || text(child(fault, 'faultstring')), element: detail?.local };
}

/** Maps a fault to the AuditError people should see (never the raw envelope). */
function faultError(f: { code: string; message: string }, what: string): AuditError {
  if (f.code === 'INVALID_LOGIN_ATTEMPT' || f.code === 'INVALID_LOGIN_CREDENTIALS' || f.code === 'WS_LOG_IN_REQD') {
    return new AuditError('AUTH_FAILED', `${what}: NetSuite refused the token over SOAP (${f.code}: ${f.message})`, { details: { hint: `likely causes: ${LOGIN_CAUSES.join('; ')}` } });
  }
  if (f.code === 'INSUFFICIENT_PERMISSION' || f.code === 'WS_PERMISSION_REQD') {
    return new AuditError('PERMISSION_DENIED', `${what}: ${f.message}`, { details: { hint: "the token's role needs 'SOAP Web Services' (Full) for any SOAP call" } });
  }
  if (f.code === 'WS_FEATURE_REQD') return new AuditError('FEATURE_DISABLED', `${what}: ${f.message}`, { details: { hint: 'enable SOAP Web Services: Setup > Company > Enable Features > SuiteCloud' } });
  if (f.code === 'WS_REQUEST_BLOCKED') return new AuditError('RATE_LIMITED', `${what}: NetSuite kept refusing requests over the account's concurrency limit (WS_REQUEST_BLOCKED)`);
  return new AuditError('SOAP_FAULT', `${what}: NetSuite answered with a fault (${f.code}: ${f.message})`);
}

/** A SOAP client on node-soap with the project's WSDL, its HTTP routed through the shared transport. */
export async function createSoapClient(opts: {
  credentials: Credentials;
  baseUrl: string;
  version: string;
  transport: Transport;
  signingContext: () => SigningContext;
}) {
  // node-soap costs ~0.3 s to load: only the live SOAP path pays it (docs/netsuite-facts.md §6).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const soap = require('soap') as typeof import('soap');
  const endpoint = soapUrl(opts.baseUrl, opts.version);
  const definition = readFileSync(WSDL_TEMPLATE, 'utf8').replace(/\{\{VERSION\}\}/g, opts.version).replace(/\{\{LOCATION\}\}/g, endpoint);
  const wsdl = new soap.WSDL(definition, 'urn:ns-role-audit:wsdl', {});
  await new Promise<void>((resolve, reject) => wsdl.onReady((err?: Error) => (err ? reject(err) : resolve())));

  // node-soap builds the envelope; the transport sends it, signing a fresh passport per attempt.
  const httpClient = {
    request(url: string, data: string, callback: (err: unknown, res?: unknown, body?: string) => void, exheaders: Record<string, string>) {
      const body = data.slice(data.indexOf('Body>') + 5);
      const op = /<(?:\w+:)?(\w+)[\s/>]/.exec(body)?.[1] ?? 'soap';
      const target = /xsi:type="(?:\w+:)?(\w+)"|getCustomizationType="(\w+)"/.exec(body);
      const label = target ? `${op} ${target[1] ?? target[2]}` : op;
      opts.transport.send({
        api: 'soap',
        method: 'POST',
        url,
        label,
        body: () => data.replace(PASSPORT_MARK, tokenPassportXml(opts.credentials, opts.signingContext(), opts.version)),
        headers: () => ({ 'content-type': 'text/xml; charset=utf-8', soapaction: exheaders.SOAPAction ?? op }),
        classify: (r: HttpResponse) => (r.status === 429 || r.status >= 502 || (r.status === 500 && /WS_REQUEST_BLOCKED|exceededConcurrentRequestLimitFault/.test(r.text)) ? 'retry' : 'done'),
      }).then(
        (r) => {
          // A 5xx that is not a SOAP fault (an HTML error page) means NetSuite is unavailable, as over REST.
          if (r.status >= 500 && !readFault(r.text)) return callback(unavailable(r.status, `SOAP ${label}`));
          return callback(null, { status: r.status, statusCode: r.status, headers: r.headers, data: r.text }, r.text);
        },
        (e) => callback(e),
      );
      return undefined as never;
    },
  };
  const client = new soap.Client(wsdl, endpoint, { httpClient: httpClient as never });
  client.addSoapHeader(() => PASSPORT_MARK);

  /** Calls a read operation with a body written as XML (namespaces declared on it). */
  async function call(op: ReadOperation, bodyXml: string, searchPageSize?: number): Promise<SoapResult> {
    const what = `SOAP ${op}`;
    let raw: string;
    const invoke = (client as unknown as Record<string, (args: unknown, options?: unknown, extra?: unknown) => Promise<[unknown, string]>>)[`${op}Async`];
    const pageHeader = searchPageSize ? `<platformMsgs:searchPreferences xmlns:platformMsgs="urn:messages_${opts.version}.platform.webservices.netsuite.com"><platformMsgs:pageSize>${searchPageSize}</platformMsgs:pageSize></platformMsgs:searchPreferences>` : '';
    try {
      const [, body] = await invoke.call(client, { _xml: bodyXml }, pageHeader ? { postProcess: (xml: string) => xml.replace(PASSPORT_MARK, PASSPORT_MARK + pageHeader) } : undefined);
      raw = body;
    } catch (e) {
      if (e instanceof AuditError) throw e;
      const body = (e as { body?: unknown }).body;
      const f = typeof body === 'string' ? readFault(body) : undefined;
      if (f) throw faultError(f, what);
      // node-soap may reject with anything, not only an Error.
      const why = String((e as { message?: unknown } | undefined)?.message ?? e).split('\n')[0].slice(0, 200);
      throw new AuditError('MALFORMED_RESPONSE', `${what}: the response is not a SOAP envelope NetSuite would send (${why})`);
    }
    return readResult(raw, op, what);
  }

  return { call, version: opts.version, endpoint, limiter: opts.transport.limiter };
}

/** Checks a response envelope and returns its result element and status. */
function readResult(raw: string, op: string, what: string): SoapResult {
  const { root, error } = parseXmlTree(raw);
  if (!root) throw new AuditError('MALFORMED_RESPONSE', `${what}: unreadable response (${error})`);
  const f = readFault(raw);
  if (f) throw faultError(f, what);
  const response = child(child(root, 'Body'), `${op}Response`);
  const result = response?.children[0];
  const status = child(result, 'status');
  if (!result || !status) throw new AuditError('MALFORMED_RESPONSE', `${what}: no ${op}Response result with a status`);
  if (status.attrs.isSuccess === 'true') return { result };
  if (status.attrs.isSuccess !== 'false') throw new AuditError('MALFORMED_RESPONSE', `${what}: status without isSuccess`);
  const detail = child(status, 'statusDetail');
  return { result, error: { code: text(child(detail, 'code')) || 'UNKNOWN', message: text(child(detail, 'message')) } };
}

/** A SOAP client. */
export type SoapClient = Awaited<ReturnType<typeof createSoapClient>>;
