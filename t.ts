import { readPolicy } from './src/policy';
import { AuditError, formatIssue } from './src/errors';
try { const p = readPolicy(process.argv[2]); console.log(p.rules.length, p.rules.map(r=>r.id+':'+r.min).join(' '), p.flags, p.excess); }
catch (e) { if (e instanceof AuditError) { console.log(e.message); e.issues.forEach(i=>console.log(formatIssue(i))) } else throw e; }
