/**
 * Read-only SOAP calls that prove a permission (netsuite.md 3, "Read-only probes"). A read that
 * succeeds shows at least View; INSUFFICIENT_PERMISSION shows the permission is missing. Entries
 * marked "?" in netsuite.md are assumptions here too.
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

/** Permission ID -> the probe that proves it. Absent: no read proves it ("not verifiable"). */
export const PROBES: Record<string, Probe> = {
  TRAN_CASHSALE: { kind: 'transactionSearch', transactionType: '_cashSale' },
  TRAN_CASHRFND: { kind: 'transactionSearch', transactionType: '_cashRefund' },
  TRAN_CUSTCRED: { kind: 'transactionSearch', transactionType: '_creditMemo' },
  TRAN_CUSTPYMT: { kind: 'transactionSearch', transactionType: '_customerPayment' },
  TRAN_CUSTDEP: { kind: 'transactionSearch', transactionType: '_customerDeposit' },
  TRAN_CUSTRFND: { kind: 'transactionSearch', transactionType: '_customerRefund' },
  TRAN_CUSTINVC: { kind: 'transactionSearch', transactionType: '_invoice' },
  TRAN_SALESORD: { kind: 'transactionSearch', transactionType: '_salesOrder' },
  TRAN_FIND: { kind: 'transactionSearchAny' },
  LIST_ACCOUNT: { kind: 'search', searchType: 'AccountSearchBasic' },
  LIST_CONTACTROLE: { kind: 'search', searchType: 'ContactRoleSearchBasic' },
  LIST_CONTACT: { kind: 'search', searchType: 'ContactSearchBasic' },
  LIST_CUSTJOB: { kind: 'search', searchType: 'CustomerSearchBasic' },
  LIST_EMPLOYEE_RECORD: { kind: 'search', searchType: 'EmployeeSearchBasic' },
  LIST_ITEM: { kind: 'search', searchType: 'ItemSearchBasic' },
  LIST_PAYMETH: { kind: 'search', searchType: 'PaymentMethodSearchBasic' },
  LIST_VENDOR: { kind: 'search', searchType: 'VendorSearchBasic' },
  ADMI_CUSTBODYFIELD: { kind: 'customization', customizationType: 'transactionBodyCustomField' },
  ADMI_CUSTCOLUMNFIELD: { kind: 'customization', customizationType: 'transactionColumnCustomField' },
  ADMI_CUSTENTITYFIELD: { kind: 'customization', customizationType: 'entityCustomField' },
  ADMI_CUSTITEMFIELD: { kind: 'customization', customizationType: 'itemCustomField' },
  ADMI_CUSTLIST: { kind: 'customization', customizationType: 'customList' },
  ADMI_CUSTRECORD: { kind: 'customization', customizationType: 'customRecordType' },
  ADMI_CUSTFIELD: { kind: 'customization', customizationType: 'crmCustomField' },
  ADMI_CUSTTRANFIELD: { kind: 'customization', customizationType: 'otherCustomField' },
  ADMI_WEBSERVICES: { kind: 'soapLogin' },
  ADMI_LOGIN_OAUTH: { kind: 'soapLogin' },
  ADMI_RESTWEBSERVICES: { kind: 'restLogin' },
  REPO_ANALYTICS: { kind: 'suiteqlQuery' },
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
