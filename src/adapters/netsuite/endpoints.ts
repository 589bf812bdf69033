import { accountHost } from '../../core/account-id';
import { checkEndpointUrl } from './transport';

/** The SOAP endpoint version used unless configured (a version NetSuite currently supports). */
export const DEFAULT_SOAP_VERSION = '2024_2';

/** The account's base URL: the override, else https://<account-host>.suitetalk.api.netsuite.com. */
export function baseUrlFor(accountId: string, override?: string, label = 'the base URL'): string {
  const url = override?.trim() || `https://${accountHost(accountId)}.suitetalk.api.netsuite.com`;
  return checkEndpointUrl(url, label).toString().replace(/\/+$/, '');
}

/** REST SuiteQL endpoint. */
export function suiteQlUrl(base: string): string {
  return `${base}/services/rest/query/v1/suiteql`;
}

/** SOAP endpoint for a version. */
export function soapUrl(base: string, version: string): string {
  return `${base}/services/NetSuitePort_${version}`;
}
