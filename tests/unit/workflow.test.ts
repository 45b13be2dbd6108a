/**
 * The workflows are valid against the published workflow schema and do what the docs say: CI runs .ci/run in a
 * Debian container on every proposed change, and the Pages workflow publishes only after that passed, and never
 * without SITE_URL.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/build-site.ts';

const source = readFile(path.join(ROOT, '.github/workflows/pages.yml'), 'utf8');
const ciSource = readFile(path.join(ROOT, '.github/workflows/ci.yml'), 'utf8');

interface Job {
  needs?: string | string[];
  uses?: string;
  container?: string | { image: string };
  steps?: Step[];
}

/** Whether every job that deploys waits, directly or through others, for a job that runs the CI workflow. */
function deploysOnlyAfterTests(workflow: { jobs: Record<string, Job> }): boolean {
  const needs = (job: Job) => (Array.isArray(job.needs) ? job.needs : job.needs ? [job.needs] : []);
  const tested = (name: string, seen = new Set<string>()): boolean => {
    const job = workflow.jobs[name];
    if (!job || seen.has(name)) return false;
    seen.add(name);
    return job.uses === './.github/workflows/ci.yml' || needs(job).some((n) => tested(n, seen));
  };
  const deploying = Object.entries(workflow.jobs).filter(([, job]) =>
    (job.steps ?? []).some(
      (s) => s.uses?.startsWith('actions/deploy-pages') || s.uses?.startsWith('actions/upload-pages-artifact'),
    ),
  );
  return deploying.length > 0 && deploying.every(([name]) => needs(workflow.jobs[name]!).some((n) => tested(n)));
}

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

describe('.github/workflows/pages.yml', () => {
  it('is a valid workflow (schema check with @action-validator/core)', async () => {
    expect(validateWorkflow(await source).errors).toEqual([]);
  });

  it('the check is not vacuous: a broken workflow is refused', () => {
    expect(
      validateWorkflow('on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz: []\n').errors.length,
    ).toBeGreaterThan(0);
  });

  it('builds with the full history, sets BASE_PATH from the repository name, and deploys with the official Pages actions', async () => {
    const workflow = parse(await source) as {
      jobs: Record<string, { steps?: Step[] }>;
      permissions: Record<string, string>;
    };
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps ?? []);
    const uses = steps.map((s) => s.uses?.split('@')[0]).filter(Boolean);
    expect(uses).toEqual(
      expect.arrayContaining([
        'actions/checkout',
        'actions/configure-pages',
        'actions/upload-pages-artifact',
        'actions/deploy-pages',
      ]),
    );
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
    const basePath = steps.find((s) => s.run?.includes('BASE_PATH='))!;
    expect(basePath.env?.REPOSITORY).toBe('${{ github.event.repository.name }}');
    expect(basePath.run).toContain('BASE_PATH=/$REPOSITORY/');
    const build = steps.find((s) => s.run?.includes('npm run build'))!;
    expect(build.run).toMatch(/npm run build\s+npm run export -- --site dist/);
    expect(build.env?.EDIT_URL).toContain('{path}');
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  it('refuses to deploy without SITE_URL, before building, with the origin the build uses', async () => {
    const workflow = parse(await source) as { jobs: Record<string, { steps?: Step[] }> };
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps ?? []);
    const guard = steps.findIndex((s) => s.name === 'Refuse to publish without SITE_URL');
    const build = steps.findIndex((s) => s.run?.includes('npm run build'));
    expect(guard).toBeGreaterThan(-1);
    expect(guard).toBeLessThan(build);
    expect(steps[guard]!.env?.SITE_URL).toBe(steps[build]!.env?.SITE_URL);
    // The guard's own script, run as the runner would run it.
    const run = (siteUrl: string) => {
      try {
        return {
          code: 0,
          out: execFileSync('bash', ['-e', '-c', steps[guard]!.run!], { env: { SITE_URL: siteUrl }, encoding: 'utf8' }),
        };
      } catch (error) {
        const e = error as { status: number; stdout: string };
        return { code: e.status, out: e.stdout };
      }
    };
    expect(run('')).toMatchObject({ code: 1, out: expect.stringContaining('SITE_URL is not set') });
    expect(run('https://org.github.io')).toEqual({ code: 0, out: '' });
  });
});

describe('.github/workflows/ci.yml', () => {
  it('is a valid workflow (schema check with @action-validator/core)', async () => {
    expect(validateWorkflow(await ciSource).errors).toEqual([]);
  });

  it('runs .ci/run in a Debian container on every pull request and push, and can be called by the Pages workflow', async () => {
    const workflow = parse(await ciSource) as { on: Record<string, unknown>; jobs: Record<string, Job> };
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push', 'workflow_call']));
    const jobs = Object.values(workflow.jobs);
    expect(jobs).toHaveLength(1);
    const image = typeof jobs[0]!.container === 'string' ? jobs[0]!.container : jobs[0]!.container?.image;
    expect(image).toMatch(/^node:\d+-(bookworm|trixie)/);
    expect(jobs[0]!.steps!.map((s) => s.run).filter(Boolean)).toEqual(['.ci/run']);
  });
});

describe('publishing waits for the tests', () => {
  it('pages.yml builds and deploys only after the CI workflow passed', async () => {
    expect(deploysOnlyAfterTests(parse(await source) as { jobs: Record<string, Job> })).toBe(true);
  });

  it('the check is not vacuous: without the tests first, or with them beside the build, it fails', async () => {
    const workflow = parse(await source) as { jobs: Record<string, Job> };
    const withoutNeeds = structuredClone(workflow);
    delete withoutNeeds.jobs.build!.needs;
    expect(deploysOnlyAfterTests(withoutNeeds)).toBe(false);
    const withoutTests = structuredClone(workflow);
    delete withoutTests.jobs.test;
    expect(deploysOnlyAfterTests(withoutTests)).toBe(false);
  });
});
