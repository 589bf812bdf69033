/**
 * What is known of who holds a role and when it was used, read from an account (or not): the
 * input of the access checks. Each part is read or not; a part not read says why, and whatever
 * depends on it is not verifiable, never "unused" or "unassigned". Pure data.
 */
import type { Level } from '../catalog';
import type { FindingHolder, RoleAccessView } from '../model';

/** A part of the facts: read (`ok`), or not, with why. */
export type Known<T> = ({ ok: true } & T) | { ok: false; why: string };

/** A person holding the role. `hasAccess`/`inactive` are undefined when the employee table was not read. */
export interface HolderFact extends FindingHolder {
  hasAccess?: boolean;
  inactive?: boolean;
  /** The person's other roles (internal ids or names), for the users x roles view. */
  roles?: string[];
}

/** An integration token seen logging in with the role. */
interface TokenFact {
  name: string;
  app?: string;
  /** The person the token belongs to (internal id), when the audit trail says. */
  personId?: string;
  lastUsed: string;
}

/** What the access checks know of one role. */
export interface RoleAccessFacts {
  holders: Known<{ list: HolderFact[] }>;
  /** Successful logins with the role: the last one by anyone, per person, and per token. */
  logins: Known<{ roleLastUsed: string | null; byPerson: Map<string, string>; tokens: TokenFact[] }>;
  globalPermissions: Known<{ list: Array<{ personId: string; permkey: string; level: Level }> }>;
  /** A sandbox: tokens are not copied into sandboxes, so an idle token there is expected. */
  sandbox: boolean;
}

/** A holder who can log in: access given and active (unknown counts as can: never under-report). */
export const canLogIn = (h: HolderFact) => h.hasAccess !== false && h.inactive !== true;

/** The facts as reports show them. */
export function accessView(facts: RoleAccessFacts): RoleAccessView {
  const byPerson = facts.logins.ok ? facts.logins.byPerson : undefined;
  const unread = {
    ...(facts.holders.ok ? {} : { holders: facts.holders.why }),
    ...(facts.logins.ok ? {} : { logins: facts.logins.why }),
    ...(facts.globalPermissions.ok ? {} : { globalPermissions: facts.globalPermissions.why }),
  };
  return {
    ...(facts.holders.ok ? { holders: facts.holders.list.map((h) => ({ ...h, ...(byPerson ? { lastUsed: byPerson.get(h.id) ?? null } : {}) })) } : {}),
    ...(facts.logins.ok ? { lastUsed: facts.logins.roleLastUsed, tokens: facts.logins.tokens.map((t) => ({ name: t.name, ...(t.app ? { app: t.app } : {}), ...(t.personId ? { holder: t.personId } : {}), lastUsed: t.lastUsed })) } : {}),
    ...(Object.keys(unread).length ? { unread } : {}),
  };
}
