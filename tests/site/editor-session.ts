/**
 * One session in the browser editor, run by the site tests' global setup on a temporary copy of the catalogue
 * (never the real content/) under `npm run edit`, in Chromium, before the site built from that copy: a new entry
 * through the form, a value the form refuses, a save the check refuses, an existing entry's English title edited,
 * an entry added by hand while the editor runs. It records what happened; tests/site/editor.test.ts judges it.
 * The editor is loaded once; each step works in the same page.
 */
import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { ROOT } from '../../scripts/lib/build-site.ts';

/** What the session saw. Strings only, so it can be handed to the test files. */
export interface EditorSession {
  /** The address `npm run edit` printed. */
  url: string;
  seconds: number;
  /** The first step that could not be done, with why. */
  error?: string;
  /** The new entry: its id, and its file as written. */
  createdId?: string;
  createdText?: string;
  /** The English title as the preview shows it (text, not markup). */
  previewTitle?: string;
  /** Whether any script typed into a field ran (window.__pwned set in the editor or its preview). */
  scriptRan?: boolean;
  /** The form's message for an impossible date, and whether the file stayed as it was. */
  inFormMessage?: string;
  inFormUnchanged?: boolean;
  /** The notification of a save the check refused, and whether the file stayed as it was. */
  refusedMessage?: string;
  refusedUnchanged?: boolean;
  /** The existing entry edited: its lines before and after the save (the file is restored afterwards). */
  editedBefore?: string;
  editedAfter?: string;
  /** What the existing entry's issuer picker showed. */
  pickerShown?: string;
  /** Whether an entry written by hand while the editor ran was listed. */
  handAddedListed?: boolean;
  /** How long each step took. */
  timings?: string[];
  /** Errors in the browser console and failed requests of the editor's own files. */
  problems: string[];
}

/** The new entry's designation and English title; the title tries to run a script. */
export const EDITOR_ENTRY = {
  id: 't-editor-test-1-2026',
  code: 'T/EDITOR-TEST 1-2026',
  titleEn: 'Editor test entry <script>window.__pwned=1</script>',
  titleZh: '编辑器测试条目',
};
/** The existing entry whose English title the session edits. */
export const EDITED_ENTRY = 'yd-t-3627-2019';
const HAND_ADDED = { id: 'editor-hand-added', code: 'T/EDITOR-HAND 2-2026' };

/** Starts `npm run edit` on a project root; resolves with the printed URL and a way to stop it. */
async function startEditor(root: string, content: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn('npm', ['run', '--silent', 'edit', '--', '--root', root, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, CATALOGUE_CONTENT: content },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The process group: npm and the node it started.
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run edit printed no address in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => /^http:\/\/(127\.0\.0\.1|localhost):\d+\/admin\/$/.test(l.trim()));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`npm run edit exited (${code}):\n${output}`)));
  });
  return { url, stop };
}

/** The input of a field, found by the field names from the top of the form (`title`, `en`). */
async function input(page: Page, scope: Page | Locator, ...names: string[]): Promise<Locator> {
  let at: Page | Locator = scope;
  for (const name of names.slice(0, -1)) at = at.locator(`label[for^="${name}-field-"]`).first().locator('xpath=../..');
  const id = await at
    .locator(`label[for^="${names.at(-1)!}-field-"]`)
    .first()
    .getAttribute('for');
  return page.locator(`[id="${id}"]`);
}

/** Picks an option of a choice or picker by its visible text. */
async function choose(page: Page, scope: Page | Locator, names: string[], text: string): Promise<void> {
  const field = await input(page, scope, ...names);
  await field.click();
  await field.fill(text);
  await page.getByRole('option', { name: text }).first().click();
}

/** Saves the entry open in the editor ("Publish now": the local copy has no review step). */
async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Publish now', { exact: true }).click();
}

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** Runs the session on the catalogue in `content` (a copy), with `root` as the project root. */
export async function editorSession(root: string, content: string): Promise<EditorSession> {
  const started = Date.now();
  const result: EditorSession = { url: '', seconds: 0, problems: [] };
  const standards = path.join(content, 'standards');
  const created = path.join(standards, `${EDITOR_ENTRY.id}.mdx`);
  const edited = path.join(standards, `${EDITED_ENTRY}.mdx`);
  const editedOriginal = await readFile(edited, 'utf8');
  let step = 'starting npm run edit';
  const timings: string[] = [];
  let last = Date.now();
  const mark = (next: string) => {
    timings.push(`${step}: ${((Date.now() - last) / 1000).toFixed(1)} s`);
    last = Date.now();
    step = next;
  };
  let editor: { url: string; stop: () => void } | undefined;
  const browser = await launchChromium();
  try {
    editor = await startEditor(root, content);
    result.url = editor.url;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(30_000);
    // Leaving an entry with unsaved changes asks first; the session always leaves.
    page.on('dialog', (dialog) => void dialog.accept());
    page.on('console', (m) => {
      // The refused save is logged by the editor, as is the answer that refused it: both expected.
      if (m.type() === 'error' && !/API_ERROR|status of 422/.test(m.text()))
        result.problems.push(`console: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/api/v1')) result.problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });

    mark('creating an entry through the form');
    await page.goto(`${editor.url}?lang=en#/collections/standards/new`);
    await (await input(page, page, 'code')).fill(EDITOR_ENTRY.code);
    await (await input(page, page, 'title', 'zh')).fill(EDITOR_ENTRY.titleZh);
    await (await input(page, page, 'title', 'en')).fill(EDITOR_ENTRY.titleEn);
    await choose(page, page, ['lang'], 'Chinese');
    await choose(page, page, ['scope'], '(5g)');
    await choose(page, page, ['tier'], '(industry)');
    await choose(page, page, ['sectors'], 'Smart ports');
    await choose(page, page, ['body'], 'CCSA');
    await choose(page, page, ['level'], '(group)');
    await choose(page, page, ['status'], '(drafting)');
    await page.getByRole('button', { name: 'Add quantitative requirements' }).click();
    const row = page.locator('label[for^="requirements-field-"]').first().locator('xpath=../..');
    await (await input(page, row, 'id')).fill('remote-control-latency');
    await choose(page, row, ['metric'], 'Latency');
    await choose(page, row, ['comparator'], '(<=)');
    await (await input(page, row, 'value')).fill('20');
    await (await input(page, row, 'unit')).fill('ms');
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Add sources' }).click();
    const sources = [
      ['Test source one', 'https://example.org/editor/one'],
      ['Test source two', 'https://example.org/editor/two'],
    ] as const;
    for (const [i, [label, url]] of sources.entries()) {
      const labelFor = await page.locator('label[for^="label-field-"]').nth(i).getAttribute('for');
      const urlFor = await page.locator('label[for^="url-field-"]').nth(i).getAttribute('for');
      await page.locator(`[id="${labelFor}"]`).fill(label);
      await page.locator(`[id="${urlFor}"]`).fill(url);
    }
    await (await input(page, page, 'bodies', 'zh')).fill('## 范围\n\n编辑器测试条目的正文。');
    await (await input(page, page, 'bodies', 'en')).fill('## Scope\n\nThe text of the editor test entry.');
    mark('reading the new entry’s title in the preview');
    const preview = page.frameLocator('iframe').first();
    result.previewTitle = (await preview.getByText('Editor test entry', { exact: false }).first().textContent()) ?? '';
    mark('saving the new entry');
    await save(page);
    if (!(await until(async () => (await readFile(created, 'utf8').catch(() => '')) !== '')))
      throw new Error(`no ${path.relative(content, created)} after the save`);
    result.createdId = EDITOR_ENTRY.id;
    result.createdText = await readFile(created, 'utf8');
    await page.waitForURL(/#\/collections\/standards\/entries\//);

    mark('typing a date that does not exist');
    const published = await input(page, page, 'dates', 'published');
    await published.fill('2024-02-30');
    await save(page);
    const fieldError = page.getByText('no such day: 2024-02-30', { exact: false }).first();
    result.inFormMessage = (await fieldError.textContent()) ?? '';
    result.inFormUnchanged = (await readFile(created, 'utf8')) === result.createdText;
    // A real date lets the next save through the form's checks.
    await published.clear();
    await published.fill('2024-02-29');

    mark('saving a body the check refuses');
    await (
      await input(page, page, 'bodies', 'en')
    ).fill('## Scope\n\nSee [a page that does not exist](/standards/no-such-entry/).');
    await save(page);
    const toast = page.getByText('npm run check refuses this', { exact: false }).first();
    result.refusedMessage = (await toast.textContent()) ?? '';
    result.refusedUnchanged = (await readFile(created, 'utf8')) === result.createdText;

    mark('listing an entry added by hand');
    await writeFile(
      path.join(standards, `${HAND_ADDED.id}.mdx`),
      result.createdText.replace(EDITOR_ENTRY.code, HAND_ADDED.code).replace(EDITOR_ENTRY.titleZh, '手工添加的条目'),
    );
    // Back to the list through the editor's own link (it asks about the unsaved, refused change: accepted).
    await page.locator('a[href$="#/collections/standards"]').first().click();
    result.handAddedListed = await page
      .getByText(HAND_ADDED.code, { exact: false })
      .first()
      .waitFor({ timeout: 20_000 })
      .then(() => true)
      .catch(() => false);

    mark('editing an existing entry’s English title');
    const code = /^code: "([^"]+)"/m.exec(editedOriginal)![1]!;
    await page.getByText(code, { exact: false }).first().click();
    if (!(await until(async () => (await (await input(page, page, 'code')).inputValue().catch(() => '')) === code)))
      throw new Error(`${EDITED_ENTRY} did not open`);
    // The pickers show the entry's own values (its issuer, its sectors), as records of their collections.
    const issuer = page.locator('label[for^="body-field-"]').first().locator('xpath=../..');
    result.pickerShown = await issuer
      .getByText('CCSA', { exact: false })
      .first()
      .waitFor({ timeout: 20_000 })
      .then(async () => (await issuer.innerText()).replace(/\s+/g, ' '))
      .catch(() => '');
    const titleEn = await input(page, page, 'title', 'en');
    await titleEn.fill('Technical requirements of 5G eMBB user equipment (Phase 1), edited in the browser');
    await save(page);
    if (!(await until(async () => ![editedOriginal, ''].includes(await readFile(edited, 'utf8')))))
      throw new Error('the edited title was not saved');
    result.editedBefore = editedOriginal;
    result.editedAfter = await readFile(edited, 'utf8');
    result.scriptRan = await page.evaluate(
      () =>
        (window as unknown as { __pwned?: unknown }).__pwned !== undefined ||
        [...document.querySelectorAll('iframe')].some(
          (f) => (f.contentWindow as unknown as { __pwned?: unknown } | null)?.__pwned !== undefined,
        ),
    );
  } catch (error) {
    result.error = `${step}: ${(error as Error).message.split('\n')[0]}`;
    if (process.env.EDITOR_SESSION_SHOT)
      await browser.contexts()[0]?.pages()[0]?.screenshot({ path: process.env.EDITOR_SESSION_SHOT });
  } finally {
    await browser.close();
    editor?.stop();
    // The site is built from this copy: the edited entry goes back as it was, the hand-added one goes.
    await writeFile(edited, editedOriginal);
    await rm(path.join(standards, `${HAND_ADDED.id}.mdx`), { force: true });
    mark('done');
    result.seconds = (Date.now() - started) / 1000;
    result.timings = timings;
  }
  return result;
}
