/**
 * Links each finding of an SDF role file's audit to the edit `fix` makes for it, so reports show
 * the line to add or change beside the click that does the same in NetSuite's UI. Pure.
 */
import { ROLE_SETTINGS, type Finding, type SettingKey } from '../model';
import { FLAG_SDF } from '../role/format-sdf';
import type { FixChange, FixPlan } from './plan-fix';

/** The fix change's target for a finding: a permission ID, an SDF field, or a record restriction. */
function targetOf(f: Finding): string | undefined {
  if (f.permission) return f.permission.id;
  if (f.flag) return FLAG_SDF[f.flag];
  if (f.setting?.startsWith('recordRestrictions.')) return f.setting;
  if (f.setting && f.setting in ROLE_SETTINGS) return ROLE_SETTINGS[f.setting as SettingKey].sdf;
  return undefined;
}

/** The findings, each that a change of the plan settles carrying that change as `fix`. */
export function linkFixes(findings: readonly Finding[], plan: FixPlan): Finding[] {
  const byTarget = new Map<string, FixChange[]>();
  for (const c of plan.changes) byTarget.set(c.target, [...(byTarget.get(c.target) ?? []), c]);
  return findings.map((f) => {
    const target = targetOf(f);
    const c = target === undefined ? undefined : byTarget.get(target)?.find((x) => x.because.includes(f.code));
    if (!c) return f;
    return { ...f, fix: { action: c.action, file: plan.file, line: c.line, ...(c.xml ? { xml: c.xml } : {}), ...(c.afterDeploy ? { afterDeploy: c.afterDeploy } : {}) } };
  });
}
