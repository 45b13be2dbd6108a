/**
 * `npm run check`: validates the whole catalogue without building the site.
 * Prints each problem once as `path:line  field  message`; exits 1 when there are errors.
 * `--json` prints the same problems as JSON for tools.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  countOf,
  errorCount,
  formatProblems,
  loadCatalogue,
  problemsJson,
  problemSummary,
} from '../src/lib/catalogue/index.ts';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--json' && !a.startsWith('--root='));
if (unknown.length) {
  console.error(`unknown option ${unknown.join(' ')}; usage: npm run check [-- --json]`);
  process.exit(2);
}
const rootArg = args.find((a) => a.startsWith('--root='));
const dir = rootArg ? path.resolve(rootArg.slice('--root='.length)) : root;

const started = performance.now();
const result = await loadCatalogue(dir);
const seconds = (performance.now() - started) / 1000;
const errors = errorCount(result.problems);
const warnings = result.problems.length - errors;

if (args.includes('--json')) {
  console.log(problemsJson({ ok: errors === 0, errors, warnings, counts: result.counts, problems: result.problems }));
} else {
  for (const line of formatProblems(result.problems)) console.log(line);
  const c = result.counts;
  const what = `${c.standards} standards, ${c.sectors} sectors, ${c.topics} topics, ${c.bodies} bodies, ${c.metrics} metrics, ${c.targets} targets`;
  if (errors) console.log(`\n✖ ${problemSummary(result.problems)} (${what}; ${seconds.toFixed(2)} s)`);
  else
    console.log(
      `${warnings ? '\n' : ''}✔ catalogue is valid${warnings ? ` with ${countOf(warnings, 'warning')}` : ''}: ${what} (${seconds.toFixed(2)} s)`,
    );
}
process.exitCode = errors ? 1 : 0;
