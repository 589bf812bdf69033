import { CUSTOMIZATION_READS, SEARCH_READS, TRANSACTION_SEARCH_PERMISSION, TRANSACTION_TYPES } from '../../core/netsuite-reads';

/**
 * Read-only SOAP calls that prove a permission (docs/netsuite-facts.md §3, "SOAP probes"). A read that
 * succeeds shows at least View; INSUFFICIENT_PERMISSION shows the permission is missing. Entries
 * marked unconfirmed in src/core/netsuite-reads.ts are assumptions here too.
 */
export type Probe =
  /** A basic search of this record type (`CustomerSearchBasic`). */
  | { kind: 'search'; searchType: string }
  /** A transaction search filtered to one type (`_salesOrder`): NetSuite drops rows the role cannot see, so only rows prove. */
  | { kind: 'transactionSearch'; transactionType: string }
  /** A transaction search with no type: allowed only with Find Transaction. */
  | { kind: 'transactionSearchAny' }
  /** getCustomizationId of this customization type. */
  | { kind: 'customization'; customizationType: string }
  /** Proven by any SOAP call that authenticates. */
  | { kind: 'soapLogin' }
  /** Proven by a REST call that authenticates (REST Web Services). */
  | { kind: 'restLogin' }
  /** Proven by a SuiteQL query that runs (SuiteAnalytics Workbook). */
  | { kind: 'suiteqlQuery' };

/** A probe, and every permission that lets the read succeed: a success proves one of them, not which. */
export interface ProbeEntry {
  probe: Probe;
  /** Every permission that allows the read (docs/netsuite-facts.md §3). One entry: a success proves it; more: it proves only one of them. */
  allowedBy: readonly string[];
}

/** Permission ID -> the probe that can prove it. Absent: no read proves it ("not verifiable"). Built from core/netsuite-reads.ts. */
export const PROBES: Record<string, ProbeEntry> = {
  ...Object.fromEntries(Object.entries(TRANSACTION_TYPES).map(([type, id]) => [id, { probe: { kind: 'transactionSearch', transactionType: `_${type}` }, allowedBy: [id] }])),
  [TRANSACTION_SEARCH_PERMISSION]: { probe: { kind: 'transactionSearchAny' }, allowedBy: [TRANSACTION_SEARCH_PERMISSION] },
  ...Object.fromEntries(Object.entries(SEARCH_READS).flatMap(([searchType, read]) => read.allowedBy.map((id) => [id, { probe: { kind: 'search', searchType }, allowedBy: read.allowedBy }]))),
  ...Object.fromEntries(Object.entries(CUSTOMIZATION_READS).map(([customizationType, id]) => [id, { probe: { kind: 'customization', customizationType }, allowedBy: [id] }])),
  // Any SOAP call that authenticates needs both: each is proven by it.
  ADMI_WEBSERVICES: { probe: { kind: 'soapLogin' }, allowedBy: ['ADMI_WEBSERVICES'] },
  ADMI_LOGIN_OAUTH: { probe: { kind: 'soapLogin' }, allowedBy: ['ADMI_LOGIN_OAUTH'] },
  ADMI_RESTWEBSERVICES: { probe: { kind: 'restLogin' }, allowedBy: ['ADMI_RESTWEBSERVICES'] },
  REPO_ANALYTICS: { probe: { kind: 'suiteqlQuery' }, allowedBy: ['REPO_ANALYTICS'] },
};

/** The smallest page NetSuite accepts for a search: probes read no more than that. */
export const PROBE_PAGE_SIZE = 5;

/** Request body XML for a probe, namespaces declared on the element. */
export function probeBody(p: Probe, version: string): string | undefined {
  const msgs = `urn:messages_${version}.platform.webservices.netsuite.com`;
  const common = `urn:common_${version}.platform.webservices.netsuite.com`;
  const core = `urn:core_${version}.platform.webservices.netsuite.com`;
  const xsi = 'http://www.w3.org/2001/XMLSchema-instance';
  const search = (type: string, inner = '') =>
    `<platformMsgs:search xmlns:platformMsgs="${msgs}" xmlns:platformCommon="${common}" xmlns:platformCore="${core}" xmlns:xsi="${xsi}"><platformMsgs:searchRecord xsi:type="platformCommon:${type}">${inner}</platformMsgs:searchRecord></platformMsgs:search>`;
  switch (p.kind) {
    case 'search': return search(p.searchType);
    case 'transactionSearch': return search('TransactionSearchBasic', `<platformCommon:type operator="anyOf"><platformCore:searchValue>${p.transactionType}</platformCore:searchValue></platformCommon:type>`);
    case 'transactionSearchAny': return search('TransactionSearchBasic');
    case 'customization': return `<platformMsgs:getCustomizationId xmlns:platformMsgs="${msgs}"><platformMsgs:customizationType getCustomizationType="${p.customizationType}"/><platformMsgs:includeInactives>false</platformMsgs:includeInactives></platformMsgs:getCustomizationId>`;
    default: return undefined;
  }
}
