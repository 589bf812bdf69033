import type { Level, Subtab } from '../catalog';
import type { SourceLoc } from '../location';

/** Role flags a policy can set, named as the policy names them. */
export const FLAGS = ['webServicesOnly', 'doNotRestrictEmployeeFields', 'inactive'] as const;
/** One role flag. */
export type FlagName = (typeof FLAGS)[number];

/** What a policy does with permissions it does not list. */
export type ExcessMode = 'fail' | 'warn' | 'ignore';

/** A permission as a policy refers to it, resolved against the catalog. */
export interface PermissionRef {
  id: string;
  name: string;
  subtab: Subtab;
  /** The key exactly as the policy wrote it ("Customer Payments"). */
  written: string;
}

/** One permission requirement: at least `min`, at most `max` (both for `exact`). */
export interface PermissionRule extends PermissionRef {
  min?: Level;
  max?: Level;
  loc: SourceLoc;
}

/** A permission the role may hold although the policy does not require it, up to `max`. */
export interface Allowance extends PermissionRef {
  max: Level;
  loc: SourceLoc;
}

/** Suppresses one finding until a date, with a reason. */
export interface Waiver {
  code: string;
  permissionId?: string;
  permissionName?: string;
  flag?: FlagName;
  reason: string;
  /** Last day the waiver holds, YYYY-MM-DD. */
  expires: string;
  loc: SourceLoc;
}

/** Which role a policy audits. */
export interface RoleSelector {
  scriptId?: string;
  name?: string;
  internalId?: string;
}

/** A flag expectation with where the policy set it. */
export interface FlagRule {
  flag: FlagName;
  value: boolean;
  loc: SourceLoc;
}

/** A validated, normalized policy with every `extends` applied. */
export interface Policy {
  /** The file the policy was read from (as given). */
  file: string;
  /** Every file that contributed, this one last. */
  files: string[];
  description?: string;
  role: RoleSelector;
  roleLoc?: SourceLoc;
  flags: FlagRule[];
  rules: PermissionRule[];
  excess: ExcessMode;
  excessLoc?: SourceLoc;
  allow: Allowance[];
  waivers: Waiver[];
}
