/**
 * Built-in risk rules: permissions an integration (web-services-only) role should not hold without
 * saying so. Facts from Oracle's NetSuite Help Center, as collected in the project's research
 * notes (integration guides, "2FA-mandatory and high-risk permissions"): each rule names its
 * Oracle page and Oracle's own words where Oracle gives them. IDs are Oracle's ("Permission Names
 * and IDs"). Three of Oracle's items have no known permission ID and so cannot be checked: View
 * Unencrypted Credit Cards, View Unencrypted ACH Account Numbers, SuiteAnalytics Connect - Read All
 * (listed in RISKS_WITHOUT_ID, and in policies/README.md "Risk rules").
 */
import type { Level } from '../catalog';

/** One built-in risk rule. */
export interface RiskRule {
  id: string;
  /** Held at or above this level (default View: any holding). */
  min?: Level;
  /** Why it is risky on an integration role, in a sentence. */
  reason: string;
  /** Oracle's words, when Oracle gives them. */
  oracle?: string;
  /** The page the rule rests on: title and address. */
  source: string;
}

const TWO_FA = 'Oracle, "Permissions Requiring Two-Factor Authentication (2FA)", https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1515446005.html';
const SEPARATE = 'Oracle, "Separate Administration Permissions", https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1491842937.html';
const TWO_FA_REASON = 'on Oracle\'s list of administrative permissions that require two-factor authentication.';
const SEPARATE_REASON = 'a setup-type administration permission Oracle lists among those normally kept for administrators.';

/** Every built-in risk rule, by permission ID. */
export const RISK_RULES: readonly RiskRule[] = [
  // Oracle's 2FA-mandatory list (12 items; 10 with an ID).
  { id: 'ADMI_MANAGE_OAUTH_TOKENS', reason: `it can create, assign and manage tokens for other users; ${TWO_FA_REASON}`, oracle: 'Users assigned a customized role that has the Access Token Management permission can create, assign, and manage a token for other users (except tokens for an Administrator role) in the company.', source: 'Oracle, "Access Token Management - Create and Assign a TBA Token"; ' + TWO_FA },
  { id: 'ADMI_MANAGE_OAUTH2', reason: `it manages which applications hold OAuth 2.0 authorization; ${TWO_FA_REASON}`, source: TWO_FA },
  { id: 'ADMI_KERNEL', reason: `the role becomes close to the Administrator role; ${TWO_FA_REASON}`, oracle: 'Use caution when assigning a role with Core Administration Permissions to a user, because the role will become similar to the standard Administrator role in terms of exclusive administrator privileges.', source: 'Oracle, "Core Administration Permissions", https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1540845284.html; ' + TWO_FA },
  { id: 'ADMI_TWOFACTORAUTHBASE', reason: `it designates which roles require 2FA; ${TWO_FA_REASON}`, oracle: 'permission to designate roles as 2FA authentication required and specify the duration of trusted devices for those roles', source: TWO_FA },
  { id: 'ADMI_OIDCSETUP', reason: `it configures single sign-on; ${TWO_FA_REASON}`, source: TWO_FA },
  { id: 'ADMI_OPENIDSSOSETUP', reason: `it configures single sign-on; ${TWO_FA_REASON}`, source: TWO_FA },
  { id: 'ADMI_SAMLSSOSETUP', reason: `it configures single sign-on; ${TWO_FA_REASON}`, source: TWO_FA },
  { id: 'ADMI_NSASOIDCPROVIDER', reason: `it configures NetSuite as an identity provider; ${TWO_FA_REASON}`, source: TWO_FA },
  { id: 'ADMI_INTEGRAPP', reason: `it manages integration records (the applications that call NetSuite); ${TWO_FA_REASON} Oracle also lists it among the separate administration permissions.`, source: `${TWO_FA}; ${SEPARATE}` },
  { id: 'ADMI_DEVICE_ID', reason: `it manages device IDs used for trusted devices; ${TWO_FA_REASON}`, source: TWO_FA },
  // Oracle's separate administration permissions.
  { id: 'ADMI_ENABLEFEATURES', reason: `it turns account features on and off; ${SEPARATE_REASON}`, source: SEPARATE },
  { id: 'ADMI_SETUPCOMPANY', reason: `it changes company-wide setup; ${SEPARATE_REASON}`, source: SEPARATE },
  { id: 'ADMI_WEBSERVICESLOG', reason: `it reads every SOAP web services request and response; ${SEPARATE_REASON}`, source: SEPARATE },
  { id: 'ADMI_CUSTOMSCRIPT', min: 'CREATE', reason: 'it deploys or changes SuiteScript, code that runs with the account\'s data (Oracle lists SuiteScript Scheduling among the separate administration permissions).', source: SEPARATE },
  // Other permissions Oracle cautions about.
  { id: 'ADMI_DELETEDRECORD', reason: 'over web services it returns deleted records whatever the role may see of them.', oracle: 'Users with Deleted Records permission can access deleted record results, regardless of their permission to create or modify that record type.', source: 'Oracle, "Assigning the SOAP Web Services Permission to a Role", https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_N3424476.html' },
  { id: 'ADMI_SUITEANALYTICSCONNECT', reason: 'the Connect Service does not enforce every role restriction.', oracle: 'some NetSuite permissions and restrictions are not enforced for Connect Service', source: 'Oracle, "SuiteAnalytics Connect" permissions, https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_3998867068.html' },
  { id: 'LIST_CUSTRECORDENTRY', reason: 'it reaches every custom record type set to require the Custom Record Entries permission, not one SuiteApp\'s.', oracle: 'This permission isn\'t limited to [one SuiteApp]... also lets you access other custom record entries where access type is set to Require Custom Record Entries Permission.', source: 'Oracle, India Localization SuiteTax Engine roles, article_1027053649' },
  // Role, user and credential administration (risk follows from what the permission does).
  { id: 'ADMI_MANAGEROLES', reason: 'it changes roles, this one included.', source: 'Oracle, "Permission Names and IDs" (Bulk Manage Roles)' },
  { id: 'ADMI_MANAGEUSERS', reason: 'it changes users\' access.', source: 'Oracle, "Permission Names and IDs" (Manage Users)' },
  { id: 'ADMI_TWOFACTORAUTH', reason: 'it changes two-factor authentication settings.', source: 'Oracle, "Permission Names and IDs" (Two-Factor Authentication)' },
  { id: 'ADMI_CERTIFICATES', reason: 'it manages the account\'s certificates.', source: 'Oracle, "Permission Names and IDs" (Certificate Management)' },
  { id: 'ADMI_KEYS', reason: 'it manages the account\'s keys.', source: 'Oracle, "Permission Names and IDs" (Key Management)' },
  // Bulk export and change.
  { id: 'ADMI_BACKUPEXPORT', reason: 'it exports the account\'s data in bulk.', source: 'Oracle, "Permission Names and IDs" (Backup Your Data)' },
  { id: 'LIST_MASSUPDATES', reason: 'it changes many records at once.', source: 'Oracle, "Permission Names and IDs" (Mass Updates)' },
  { id: 'ADMI_PERIODOVERRIDE', reason: 'it posts into closed accounting periods.', source: 'Oracle, "Permission Names and IDs" (Override Period Restrictions)' },
  { id: 'LIST_EMPLOYEESSN', reason: 'it reads employees\' social security numbers.', source: 'Oracle, "Permission Names and IDs" (Employee Social Security Numbers)' },
];

/** Risky permissions Oracle names that have no known permission ID: no role data can show them. */
export const RISKS_WITHOUT_ID = ['View Unencrypted Credit Cards', 'View Unencrypted ACH Account Numbers', 'SuiteAnalytics Connect - Read All'] as const;
