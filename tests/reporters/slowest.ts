/** A vitest reporter that prints, at the end of a run, the ten test files that took longest (to keep the suite fast). */
import type { Reporter, TestModule } from 'vitest/node';

export default class SlowestFiles implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const rows = testModules
      .map((m) => {
        const d = m.diagnostic();
        return { file: m.relativeModuleId, project: m.project.name, ms: d.duration + d.collectDuration };
      })
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10);
    if (!rows.length) return;
    const lines = rows.map((r) => `  ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${r.project.padEnd(5)} ${r.file}`);
    process.stdout.write(`\nSlowest test files (tests and import):\n${lines.join('\n')}\n`);
  }
}
