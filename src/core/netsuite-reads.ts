/**
 * Which permissions allow which read-only SOAP call (docs/netsuite-facts.md §3, "SOAP probes"). One
 * table of facts for both sides: the SOAP probe source claims a permission from a successful
 * read only when it is the only permission that allows it, and the simulator refuses a read
 * exactly when the calling role holds none of them. Find Transaction as the gate of every
 * transaction search, and the custom field types that Custom Fields and Custom Transaction
 * Fields allow, are unconfirmed (no public source says so): assumptions here too.
 */

/** A basic search (`platformCommon:<type>`) -> every permission that allows it, and the record types it returns. */
export const SEARCH_READS: Record<string, { allowedBy: readonly string[]; records: readonly string[] }> = {
  CustomerSearchBasic: { allowedBy: ['LIST_CUSTJOB'], records: ['customer'] },
  ContactSearchBasic: { allowedBy: ['LIST_CONTACT'], records: ['contact'] },
  ContactRoleSearchBasic: { allowedBy: ['LIST_CONTACTROLE'], records: ['contactRole'] },
  VendorSearchBasic: { allowedBy: ['LIST_VENDOR'], records: ['vendor'] },
  // An Employee search succeeds with Employees as well as with Employee Record (docs/netsuite-facts.md §3).
  EmployeeSearchBasic: { allowedBy: ['LIST_EMPLOYEE', 'LIST_EMPLOYEE_RECORD'], records: ['employee'] },
  AccountSearchBasic: { allowedBy: ['LIST_ACCOUNT'], records: ['account'] },
  ItemSearchBasic: { allowedBy: ['LIST_ITEM'], records: ['inventoryItem'] },
  PaymentMethodSearchBasic: { allowedBy: ['LIST_PAYMETH'], records: ['paymentMethod'] },
};

/** Every transaction search needs Find Transaction; without it NetSuite refuses the search. */
export const TRANSACTION_SEARCH_PERMISSION = 'TRAN_FIND';

/** Transaction type (SOAP `_salesOrder` without the underscore) -> the permission whose rows a search returns. */
export const TRANSACTION_TYPES: Record<string, string> = {
  cashSale: 'TRAN_CASHSALE',
  cashRefund: 'TRAN_CASHRFND',
  creditMemo: 'TRAN_CUSTCRED',
  customerPayment: 'TRAN_CUSTPYMT',
  customerDeposit: 'TRAN_CUSTDEP',
  customerRefund: 'TRAN_CUSTRFND',
  invoice: 'TRAN_CUSTINVC',
  salesOrder: 'TRAN_SALESORD',
};

/** getCustomizationId type -> the permission that allows it. */
export const CUSTOMIZATION_READS: Record<string, string> = {
  transactionBodyCustomField: 'ADMI_CUSTBODYFIELD',
  transactionColumnCustomField: 'ADMI_CUSTCOLUMNFIELD',
  entityCustomField: 'ADMI_CUSTENTITYFIELD',
  itemCustomField: 'ADMI_CUSTITEMFIELD',
  crmCustomField: 'ADMI_CUSTFIELD',
  otherCustomField: 'ADMI_CUSTTRANFIELD',
  customList: 'ADMI_CUSTLIST',
  customRecordType: 'ADMI_CUSTRECORD',
};
