/** The role page's permission subtabs, as policies name them. */
export const SUBTABS = ['transactions', 'reports', 'lists', 'setup', 'customRecords'] as const;

/** A permission subtab key. */
export type Subtab = (typeof SUBTABS)[number];

const LABELS: Record<Subtab, string> = {
  transactions: 'Transactions',
  reports: 'Reports',
  lists: 'Lists',
  setup: 'Setup',
  customRecords: 'Custom Record',
};

/** The subtab's label on NetSuite's role page. */
export function subtabLabel(subtab: Subtab): string {
  return LABELS[subtab];
}

/**
 * The subtab a permission ID sits on (docs/netsuite-facts.md §1): TRAN_ and custom transaction types
 * (customsale_*, custompurchase_*) Transactions; REPO_ and GRAP_ Reports (permkeys-beyond-oracle-
 * table.md); LIST_ and REGT_ Lists; ADMI_ Setup; anything else (customrecord_*, custom
 * segments, unknown prefixes) Custom Record / other.
 */
export function subtabOf(permissionId: string): Subtab {
  if (/^(customsale|custompurchase|customtransaction)_/i.test(permissionId)) return 'transactions';
  const prefix = permissionId.split('_', 1)[0].toUpperCase();
  switch (prefix) {
    case 'TRAN': return 'transactions';
    case 'REPO':
    case 'GRAP': return 'reports';
    case 'LIST':
    case 'REGT': return 'lists';
    case 'ADMI': return 'setup';
    default: return 'customRecords';
  }
}
