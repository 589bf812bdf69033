import { randomBytes } from 'node:crypto';
import type { SimAccount, SimToken } from '../account';
import { CUSTOMIZATION_READS, SEARCH_READS, TRANSACTION_SEARCH_PERMISSION, TRANSACTION_TYPES } from '../../core/netsuite-reads';
import { ownEntry } from '../../core/own-entry';
import { GET_ALL_ACCESS, permissionViolation, roleHas } from '../access';
import { nsFor } from '../namespaces';
import { child, resolveQName, xmlEscape, type XmlNode } from '../../core/xml-tree';
import { FAULTS, statusXml } from './envelope';

/** What an operation needs besides its request element. */
export interface OpContext {
  account: SimAccount;
  token: SimToken;
  version: string;
  pageSize?: number;
  now: Date;
  searches: SearchCache;
  /** The server's own base URL, for getDataCenterUrls. */
  baseUrl: string;
}

/** An operation's result: body XML and what the log should say. */
export interface OpResult {
  body: string;
  outcome: string;
  target?: string;
}

type Row = { internalId: string; name: string; xsiType: string };

/** Searches kept for searchMoreWithId (by searchId), bounded in number and age. */
export class SearchCache {
  private map = new Map<string, { rows: Row[]; pageSize: number; at: number }>();
  put(rows: Row[], pageSize: number, now: number): string {
    const id = `WEBSERVICES_${randomBytes(12).toString('hex')}`;
    this.map.set(id, { rows, pageSize, at: now });
    if (this.map.size > 1000) this.map.delete(this.map.keys().next().value!);
    return id;
  }
  get(id: string, now: number) {
    const s = this.map.get(id);
    return s && now - s.at < 15 * 60_000 ? s : undefined;
  }
}

/** SOAP record type name and namespace prefix for each simulated record type. */
const RECORD_XML: Record<string, { type: string; prefix: 'listRel' | 'listAcct' | 'listEmp' | 'tranSales' | 'tranCust'; field: string }> = {
  customer: { type: 'Customer', prefix: 'listRel', field: 'entityId' },
  contact: { type: 'Contact', prefix: 'listRel', field: 'entityId' },
  vendor: { type: 'Vendor', prefix: 'listRel', field: 'entityId' },
  contactRole: { type: 'ContactRole', prefix: 'listAcct', field: 'name' },
  employee: { type: 'Employee', prefix: 'listEmp', field: 'entityId' },
  account: { type: 'Account', prefix: 'listAcct', field: 'acctName' },
  inventoryItem: { type: 'InventoryItem', prefix: 'listAcct', field: 'itemId' },
  paymentMethod: { type: 'PaymentMethod', prefix: 'listAcct', field: 'name' },
  salesOrder: { type: 'SalesOrder', prefix: 'tranSales', field: 'tranId' },
  invoice: { type: 'Invoice', prefix: 'tranSales', field: 'tranId' },
  cashSale: { type: 'CashSale', prefix: 'tranSales', field: 'tranId' },
  cashRefund: { type: 'CashRefund', prefix: 'tranCust', field: 'tranId' },
  creditMemo: { type: 'CreditMemo', prefix: 'tranCust', field: 'tranId' },
  customerPayment: { type: 'CustomerPayment', prefix: 'tranCust', field: 'tranId' },
  customerDeposit: { type: 'CustomerDeposit', prefix: 'tranCust', field: 'tranId' },
  customerRefund: { type: 'CustomerRefund', prefix: 'tranCust', field: 'tranId' },
};

function rowsOf(account: SimAccount, recordType: string): Row[] {
  return (account.records.get(recordType) ?? []).map((r) => ({ ...r, xsiType: recordType }));
}

function recordXml(version: string, row: Row): string {
  const ns = nsFor(version);
  const x = RECORD_XML[row.xsiType];
  const uri = { listRel: ns.relationships, listAcct: ns.accounting, listEmp: ns.employees, tranSales: ns.sales, tranCust: ns.customers }[x.prefix];
  return `<platformCore:record xmlns:${x.prefix}="${uri}" internalId="${row.internalId}" xsi:type="${x.prefix}:${x.type}"><${x.prefix}:${x.field}>${xmlEscape(row.name)}</${x.prefix}:${x.field}></platformCore:record>`;
}

function searchResultXml(ctx: OpContext, rows: Row[], pageSize: number, pageIndex: number, searchId: string): string {
  const totalPages = Math.max(1, Math.ceil(rows.length / pageSize));
  const page = rows.slice((pageIndex - 1) * pageSize, pageIndex * pageSize);
  return `<platformCore:status isSuccess="true"/><platformCore:totalRecords>${rows.length}</platformCore:totalRecords><platformCore:pageSize>${pageSize}</platformCore:pageSize><platformCore:totalPages>${rows.length ? totalPages : 0}</platformCore:totalPages><platformCore:pageIndex>${pageIndex}</platformCore:pageIndex><platformCore:searchId>${searchId}</platformCore:searchId><platformCore:recordList>${page.map((r) => recordXml(ctx.version, r)).join('')}</platformCore:recordList>`;
}

function wrap(ctx: OpContext, op: string, resultElement: string, inner: string): string {
  const ns = nsFor(ctx.version);
  return `<${op}Response xmlns="${ns.messages}"><platformCore:${resultElement} xmlns:platformCore="${ns.core}">${inner}</platformCore:${resultElement}></${op}Response>`;
}

/** `search` with a *SearchBasic record: permission-checked, paged. */
function search(ctx: OpContext, req: XmlNode): OpResult {
  const ns = nsFor(ctx.version);
  const record = child(req, 'searchRecord', ns.messages);
  const xsiType = record?.attrs['xsi:type'];
  if (!record || !xsiType) throw FAULTS.client('search: searchRecord with an xsi:type is required');
  const type = resolveQName(record, xsiType);
  if (type.ns !== ns.common) throw FAULTS.client(`search: ${type.local} is not in ${ns.common}`);
  const pageSize = ctx.pageSize ?? 1000;
  const fail = (code: string, message: string) => ({ body: wrap(ctx, 'search', 'searchResult', statusXml({ code, message })), outcome: code, target: type.local });
  if (pageSize < 5 || pageSize > 1000) return fail('INVALID_SEARCH_PAGE_SIZE', 'The page size must be between 5 and 1000.');
  let rows: Row[];
  if (type.local === 'TransactionSearchBasic') {
    if (!roleHas(ctx.token.role, TRANSACTION_SEARCH_PERMISSION)) return fail('INSUFFICIENT_PERMISSION', permissionViolation(TRANSACTION_SEARCH_PERMISSION));
    const typeFilter = child(record, 'type', ns.common);
    const wanted = typeFilter ? typeFilter.children.map((c) => c.text.replace(/^_/, '')) : Object.keys(TRANSACTION_TYPES);
    // NetSuite drops rows of transaction types the role cannot see instead of failing the search.
    rows = wanted.filter((t) => { const id = ownEntry(TRANSACTION_TYPES, t); return id !== undefined && roleHas(ctx.token.role, id); }).flatMap((t) => rowsOf(ctx.account, t));
  } else {
    const access = ownEntry(SEARCH_READS, type.local);
    if (!access) throw FAULTS.client(`search: ${type.local} is not supported by the simulator`);
    if (!access.allowedBy.some((p) => roleHas(ctx.token.role, p))) return fail('INSUFFICIENT_PERMISSION', permissionViolation(access.allowedBy[access.allowedBy.length - 1]));
    rows = access.records.flatMap((r) => rowsOf(ctx.account, r));
  }
  const searchId = ctx.searches.put(rows, pageSize, ctx.now.getTime());
  return { body: wrap(ctx, 'search', 'searchResult', searchResultXml(ctx, rows, pageSize, 1, searchId)), outcome: 'ok', target: type.local };
}

function searchMoreWithId(ctx: OpContext, req: XmlNode): OpResult {
  const ns = nsFor(ctx.version);
  const searchId = child(req, 'searchId', ns.messages)?.text ?? '';
  const pageIndex = Number(child(req, 'pageIndex', ns.messages)?.text);
  const saved = ctx.searches.get(searchId, ctx.now.getTime());
  const fail = (code: string, message: string) => ({ body: wrap(ctx, 'searchMoreWithId', 'searchResult', statusXml({ code, message })), outcome: code });
  if (!saved) return fail('INVALID_SEARCH_MORE', 'The search id is not valid or has expired.');
  const totalPages = Math.max(1, Math.ceil(saved.rows.length / saved.pageSize));
  if (!Number.isInteger(pageIndex) || pageIndex < 1 || pageIndex > totalPages) {
    return fail('INVALID_PAGE_INDEX', `Invalid page index: ${Number.isNaN(pageIndex) ? 'missing' : pageIndex}; this search has ${totalPages} page(s).`);
  }
  return { body: wrap(ctx, 'searchMoreWithId', 'searchResult', searchResultXml(ctx, saved.rows, saved.pageSize, pageIndex, searchId)), outcome: 'ok' };
}

function getCustomizationId(ctx: OpContext, req: XmlNode): OpResult {
  const ns = nsFor(ctx.version);
  const type = child(req, 'customizationType', ns.messages)?.attrs.getCustomizationType;
  if (!type) throw FAULTS.client('getCustomizationId: customizationType/@getCustomizationType is required');
  const permission = ownEntry(CUSTOMIZATION_READS, type);
  if (!permission) throw FAULTS.client(`getCustomizationId: ${type} is not supported by the simulator`);
  if (!roleHas(ctx.token.role, permission)) {
    return { body: wrap(ctx, 'getCustomizationId', 'getCustomizationIdResult', statusXml({ code: 'INSUFFICIENT_PERMISSION', message: permissionViolation(permission) })), outcome: 'INSUFFICIENT_PERMISSION', target: type };
  }
  const rows = ctx.account.records.get(type) ?? [];
  const refs = rows.map((r) => `<platformCore:customizationRef internalId="${r.internalId}" scriptId="${xmlEscape(r.name)}" type="${type}"><platformCore:name>${xmlEscape(r.name)}</platformCore:name></platformCore:customizationRef>`).join('');
  return { body: wrap(ctx, 'getCustomizationId', 'getCustomizationIdResult', `${statusXml()}<platformCore:totalRecords>${rows.length}</platformCore:totalRecords><platformCore:customizationRefList>${refs}</platformCore:customizationRefList>`), outcome: 'ok', target: type };
}

function getAll(ctx: OpContext, req: XmlNode): OpResult {
  const ns = nsFor(ctx.version);
  const type = child(req, 'record', ns.messages)?.attrs.recordType;
  if (!type) throw FAULTS.client('getAll: record/@recordType is required');
  const permission = GET_ALL_ACCESS[type];
  if (permission && !roleHas(ctx.token.role, permission)) {
    return { body: wrap(ctx, 'getAll', 'getAllResult', statusXml({ code: 'INSUFFICIENT_PERMISSION', message: permissionViolation(permission) })), outcome: 'INSUFFICIENT_PERMISSION', target: type };
  }
  return { body: wrap(ctx, 'getAll', 'getAllResult', `${statusXml()}<platformCore:totalRecords>0</platformCore:totalRecords><platformCore:recordList/>`), outcome: 'ok', target: type };
}

function getServerTime(ctx: OpContext): OpResult {
  const t = new Date(ctx.now.getTime() + ctx.account.clockSkewSeconds * 1000).toISOString();
  return { body: wrap(ctx, 'getServerTime', 'getServerTimeResult', `${statusXml()}<platformCore:serverTime>${t}</platformCore:serverTime>`), outcome: 'ok' };
}

function getAccountGovernanceInfo(ctx: OpContext): OpResult {
  const limit = ctx.account.concurrencyLimit;
  return { body: wrap(ctx, 'getAccountGovernanceInfo', 'getAccountGovernanceInfoResult', `${statusXml()}<platformCore:accountConcurrencyLimit>${limit}</platformCore:accountConcurrencyLimit><platformCore:unallocatedConcurrencyLimit>${limit}</platformCore:unallocatedConcurrencyLimit>`), outcome: 'ok' };
}

function getIntegrationGovernanceInfo(ctx: OpContext): OpResult {
  return { body: wrap(ctx, 'getIntegrationGovernanceInfo', 'getIntegrationGovernanceInfoResult', `${statusXml()}<platformCore:integrationConcurrencyLimit>${ctx.account.concurrencyLimit}</platformCore:integrationConcurrencyLimit><platformCore:limitType>_account</platformCore:limitType>`), outcome: 'ok' };
}

function getDataCenterUrls(ctx: OpContext, req: XmlNode): OpResult {
  const ns = nsFor(ctx.version);
  const acct = child(req, 'account', ns.messages)?.text ?? '';
  if (acct.toUpperCase().replace(/-/g, '_') !== ctx.account.id) {
    return { body: wrap(ctx, 'getDataCenterUrls', 'getDataCenterUrlsResult', statusXml({ code: 'INVALID_ACCT', message: `Account ${acct} is not known here.` })), outcome: 'INVALID_ACCT' };
  }
  const u = xmlEscape(ctx.baseUrl);
  return { body: wrap(ctx, 'getDataCenterUrls', 'getDataCenterUrlsResult', `${statusXml()}<platformCore:dataCenterUrls><platformCore:restDomain>${u}</platformCore:restDomain><platformCore:webservicesDomain>${u}</platformCore:webservicesDomain><platformCore:systemDomain>${u}</platformCore:systemDomain></platformCore:dataCenterUrls>`), outcome: 'ok' };
}

/** The operations the simulator answers, by request element name. Everything else is a fault. */
export const OPERATIONS: Record<string, (ctx: OpContext, req: XmlNode) => OpResult> = {
  search,
  searchMoreWithId,
  getCustomizationId,
  getAll,
  getServerTime,
  getAccountGovernanceInfo,
  getIntegrationGovernanceInfo,
  getDataCenterUrls,
};
