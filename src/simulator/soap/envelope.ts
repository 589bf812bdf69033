import { nsFor } from '../namespaces';
import { xmlEscape } from '../../core/xml-tree';

/** A SOAP fault NetSuite-style: faultcode, faultstring and a platformFaults detail with code and message. */
export class SoapFault extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The platformFaults element (`invalidCredentialsFault`, ...); none for a plain client fault. */
    readonly detailElement: string | undefined,
    readonly faultcode = 'soapenv:Server.userException',
    readonly httpStatus = 500,
  ) {
    super(message);
  }
}

const ENVELOPE_OPEN = '<?xml version="1.0" encoding="UTF-8"?>\n<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">';

/** A successful response: documentInfo header and the operation's body. */
export function responseEnvelope(version: string, nsId: string, body: string): string {
  const ns = nsFor(version);
  return `${ENVELOPE_OPEN}<soapenv:Header><platformMsgs:documentInfo xmlns:platformMsgs="${ns.messages}"><platformMsgs:nsId>${xmlEscape(nsId)}</platformMsgs:nsId></platformMsgs:documentInfo></soapenv:Header><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
}

/** A fault envelope; `version` decides the faults namespace (the endpoint's, else a recent one). */
export function faultEnvelope(version: string, fault: SoapFault): string {
  const ns = nsFor(version);
  const detail = fault.detailElement
    ? `<detail><platformFaults:${fault.detailElement} xmlns:platformFaults="${ns.faults}"><platformFaults:code>${xmlEscape(fault.code)}</platformFaults:code><platformFaults:message>${xmlEscape(fault.message)}</platformFaults:message></platformFaults:${fault.detailElement}><ns1:hostname xmlns:ns1="http://xml.apache.org/axis/">ns-role-audit-simulator</ns1:hostname></detail>`
    : '';
  return `${ENVELOPE_OPEN}<soapenv:Body><soapenv:Fault><faultcode>${fault.faultcode}</faultcode><faultstring>${xmlEscape(fault.message)}</faultstring>${detail}</soapenv:Fault></soapenv:Body></soapenv:Envelope>`;
}

/** platformCore:status, successful or with one ERROR detail. */
export function statusXml(error?: { code: string; message: string }): string {
  if (!error) return '<platformCore:status isSuccess="true"/>';
  return `<platformCore:status isSuccess="false"><platformCore:statusDetail type="ERROR"><platformCore:code>${xmlEscape(error.code)}</platformCore:code><platformCore:message>${xmlEscape(error.message)}</platformCore:message></platformCore:statusDetail></platformCore:status>`;
}

/** The faults the simulator raises, each as NetSuite words it. */
export const FAULTS = {
  invalidLogin: () => new SoapFault('INVALID_LOGIN_ATTEMPT', 'Invalid login attempt.', 'invalidCredentialsFault'),
  loginRequired: () => new SoapFault('WS_LOG_IN_REQD', 'You must log in before performing a web service operation.', 'invalidSessionFault'),
  featureOff: () => new SoapFault('WS_FEATURE_REQD', 'The SOAP Web Services feature is not enabled in this account.', 'invalidCredentialsFault'),
  insufficientPermission: (message: string) => new SoapFault('INSUFFICIENT_PERMISSION', message, 'insufficientPermissionFault'),
  concurrency: () => new SoapFault('WS_REQUEST_BLOCKED', 'The request could not be processed because the concurrent request limit for this account was exceeded. Try again later.', 'exceededConcurrentRequestLimitFault'),
  unexpected: (message = 'An unexpected error occurred.') => new SoapFault('UNEXPECTED_ERROR', message, 'unexpectedErrorFault'),
  unsupportedVersion: (v: string) => new SoapFault('UNSUPPORTED_WS_VERSION', `The ${v} endpoint is not supported.`, 'invalidVersionFault'),
  client: (message: string) => new SoapFault('USER_ERROR', message, undefined, 'soapenv:Client', 500),
};
