/** `npm run check:links [-- dist]`: every internal href/src/#fragment of a built site must resolve. */
import path from 'node:path';
import { checkLinks } from '../src/lib/site/link-check.ts';

const dir = path.resolve(process.argv[2] ?? 'dist');
const origin = new URL(process.env.SITE_URL ?? 'https://5g-standards.example.org').origin + '/';
const report = await checkLinks(dir, origin);
for (const b of report.broken) console.log(`${b.file}  ${b.url}  ${b.reason}`);
console.log(`${report.broken.length ? '✖' : '✔'} ${report.links} internal links on ${report.pages} pages, ${report.broken.length} broken`);
process.exitCode = report.broken.length ? 1 : 0;
