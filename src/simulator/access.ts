import { isAtLeast, type Level } from '../core/catalog/levels';
import { getCatalog } from '../core/catalog/catalog';
import { subtabLabel } from '../core/catalog/subtabs';
import type { SimRole } from './account';

/**
 * What the simulated NetSuite requires for each read. Source: netsuite.md section 3 (the
 * probe map; entries marked "?" there are assumptions here too).
 */

/** SOAP search record type (`CustomerSearchBasic`) -> permission IDs, any of which allows it, and the record type it returns. */
export const SEARCH_ACCESS: Record<string, { anyOf: string[]; records: string[] }> = {
  CustomerSearchBasic: { anyOf: ['LIST_CUSTJOB'], records: ['customer'] },
  ContactSearchBasic: { anyOf: ['LIST_CONTACT'], records: ['contact'] },
  ContactRoleSearchBasic: { anyOf: ['LIST_CONTACTROLE'], records: ['contactRole'] },
  VendorSearchBasic: { anyOf: ['LIST_VENDOR'], records: ['vendor'] },
  EmployeeSearchBasic: { anyOf: ['LIST_EMPLOYEE', 'LIST_EMPLOYEE_RECORD'], records: ['employee'] },
  AccountSearchBasic: { anyOf: ['LIST_ACCOUNT'], records: ['account'] },
  ItemSearchBasic: { anyOf: ['LIST_ITEM'], records: ['inventoryItem'] },
  PaymentMethodSearchBasic: { anyOf: ['LIST_PAYMETH'], records: ['paymentMethod'] },
};

/** Transaction type (SOAP `_salesOrder` without the underscore) -> its permission. */
export const TRANSACTION_ACCESS: Record<string, string> = {
  cashSale: 'TRAN_CASHSALE',
  cashRefund: 'TRAN_CASHRFND',
  creditMemo: 'TRAN_CUSTCRED',
  customerPayment: 'TRAN_CUSTPYMT',
  customerDeposit: 'TRAN_CUSTDEP',
  customerRefund: 'TRAN_CUSTRFND',
  invoice: 'TRAN_CUSTINVC',
  salesOrder: 'TRAN_SALESORD',
};

/** getCustomizationId type -> permission. */
export const CUSTOMIZATION_ACCESS: Record<string, string> = {
  transactionBodyCustomField: 'ADMI_CUSTBODYFIELD',
  transactionColumnCustomField: 'ADMI_CUSTCOLUMNFIELD',
  entityCustomField: 'ADMI_CUSTENTITYFIELD',
  itemCustomField: 'ADMI_CUSTITEMFIELD',
  crmCustomField: 'ADMI_CUSTFIELD',
  otherCustomField: 'ADMI_CUSTTRANFIELD',
  customList: 'ADMI_CUSTLIST',
  customRecordType: 'ADMI_CUSTRECORD',
};

/** getAll record type -> permission (the ones the simulator checks). */
export const GET_ALL_ACCESS: Record<string, string> = {
  currency: 'LIST_CURRENCY',
};

/** True when the role holds the permission at `level` or more. */
export function roleHas(role: SimRole, permission: string, level: Level = 'VIEW'): boolean {
  if (role.allPermissions) return true;
  const held = role.permissions.get(permission);
  return held !== undefined && isAtLeast(held, level);
}

/** NetSuite's sentence for a missing permission: "You need  the 'Lists -> Accounts' permission ..." */
export function permissionViolation(permission: string): string {
  const p = getCatalog().byId(permission);
  const label = p ? `${subtabLabel(p.subtab)} -> ${p.name}` : permission;
  // NetSuite's own text has the double space after "need".
  return `Permission Violation: You need  the '${label}' permission to access this page. Please contact your account administrator.`;
}
