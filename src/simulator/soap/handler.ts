import type { SimAccount, SimToken } from '../account';
import { permissionViolation, roleHas } from '../access';
import { verifyPassport, type NonceStore } from '../auth';
import { isSupportedVersion, nsFor } from '../namespaces';
import { child, parseXmlTree, type XmlNode } from '../../core/xml-tree';
import { FAULTS, SoapFault, faultEnvelope, responseEnvelope } from './envelope';
import { OPERATIONS, type SearchCache } from './operations';

/** What one SOAP call came to: the HTTP answer and the log's view of it. */
export interface SoapOutcome {
  status: number;
  body: string;
  operation: string;
  outcome: string;
  token?: string;
  role?: string;
  target?: string;
  detail?: string;
}

/** The simulator's SOAP endpoint for one request: envelope, passport, permission, operation. */
export function handleSoap(input: {
  account: SimAccount;
  version: string;
  xml: string;
  now: Date;
  nonces: NonceStore;
  searches: SearchCache;
  baseUrl: string;
}): SoapOutcome {
  const { account, version } = input;
  let operation = 'unknown';
  let token: SimToken | undefined;
  let detail: string | undefined;
  try {
    if (!isSupportedVersion(version)) throw FAULTS.unsupportedVersion(version);
    const ns = nsFor(version);
    const { root, error } = parseXmlTree(input.xml);
    if (!root) throw FAULTS.client(`malformed request: ${error}`);
    if (root.local !== 'Envelope' || root.ns !== ns.soapenv) throw FAULTS.client('the request is not a SOAP 1.1 Envelope');
    const header = child(root, 'Header', ns.soapenv);
    const body = child(root, 'Body', ns.soapenv);
    const req = body?.children[0];
    if (!req) throw FAULTS.client('the SOAP Body is empty');
    operation = req.local;
    if (req.ns !== ns.messages) {
      throw FAULTS.client(`${req.local} must be in namespace ${ns.messages} for the ${version} endpoint (got ${req.ns || 'no namespace'})`);
    }
    const op = OPERATIONS[operation];
    if (!op) throw FAULTS.client(`operation ${operation} is not supported by the ns-role-audit simulator (it answers ${Object.keys(OPERATIONS).join(', ')})`);
    if (!account.features.soapWebServices) throw FAULTS.featureOff();

    // getDataCenterUrls is the one call NetSuite answers before authentication.
    if (operation !== 'getDataCenterUrls') {
      const passport = readPassport(header, ns);
      if (!passport) throw FAULTS.loginRequired();
      const auth = verifyPassport(account, passport, Math.floor(input.now.getTime() / 1000), input.nonces);
      if (!auth.ok) {
        detail = auth.reason;
        throw FAULTS.invalidLogin();
      }
      token = auth.token;
      if (!roleHas(token.role, 'ADMI_WEBSERVICES', 'FULL')) throw FAULTS.insufficientPermission(permissionViolation('ADMI_WEBSERVICES'));
    }
    const pageSizeText = child(child(header, 'searchPreferences', ns.messages), 'pageSize', ns.messages)?.text;
    const result = op(
      { account, token: token!, version, now: input.now, searches: input.searches, baseUrl: input.baseUrl, pageSize: pageSizeText ? Number(pageSizeText) : undefined },
      req,
    );
    const nsId = `WEBSERVICES_${account.id}_${input.now.getTime()}`;
    return { status: 200, body: responseEnvelope(version, nsId, result.body), operation, outcome: result.outcome, target: result.target, token: token?.name, role: token?.role.scriptId };
  } catch (e) {
    const fault = e instanceof SoapFault ? e : FAULTS.unexpected();
    const faultVersion = isSupportedVersion(version) ? version : '2024_2';
    return { status: fault.httpStatus, body: faultEnvelope(faultVersion, fault), operation, outcome: fault.code, token: token?.name, role: token?.role.scriptId, detail };
  }
}

function readPassport(header: XmlNode | undefined, ns: ReturnType<typeof nsFor>) {
  const p = child(header, 'tokenPassport', ns.messages);
  if (!p) return undefined;
  const field = (name: string) => child(p, name, ns.core);
  const signature = field('signature');
  return {
    account: field('account')?.text ?? '',
    consumerKey: field('consumerKey')?.text ?? '',
    token: field('token')?.text ?? '',
    nonce: field('nonce')?.text ?? '',
    timestamp: field('timestamp')?.text ?? '',
    signature: signature?.text ?? '',
    algorithm: signature?.attrs.algorithm,
  };
}
