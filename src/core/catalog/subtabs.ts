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
 * The subtab a permission ID sits on, from its prefix (netsuite.md 1): TRAN_ Transactions,
 * REPO_ Reports, LIST_ and REGT_ Lists, ADMI_ Setup; anything else (customrecord_*, GRAP_*, ...)
 * is Custom Record / other.
 */
export function subtabOf(permissionId: string): Subtab {
  const prefix = permissionId.split('_', 1)[0].toUpperCase();
  switch (prefix) {
    case 'TRAN': return 'transactions';
    case 'REPO': return 'reports';
    case 'LIST':
    case 'REGT': return 'lists';
    case 'ADMI': return 'setup';
    default: return 'customRecords';
  }
}

/** Parses `[scriptid=customrecord_x]` or `customrecord_x` into the custom record's script id. */
export function customRecordScriptId(permkey: string): string | undefined {
  const m = /^(?:\[scriptid=)?(customrecord[a-z0-9_]*)\]?$/i.exec(permkey.trim());
  return m ? m[1].toLowerCase() : undefined;
}
