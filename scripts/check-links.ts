/**
 * `npm run check:links [-- dist]`: every internal href/src/#fragment of a built site must resolve,
 * under the base path it was built for (run it with the build's BASE_PATH and SITE_URL).
 */
// A refused setting ends the command with its message (first, so that it is in place before the settings are read).
import './lib/refused-setting.ts';
import path from 'node:path';
import { checkLinks } from './lib/link-check.ts';
import { settingAddresses, SETTINGS } from '../src/lib/site/settings.ts';

const dir = path.resolve(process.argv[2] ?? 'dist');
const report = await checkLinks(dir, SETTINGS.site && `${SETTINGS.site}/`, SETTINGS.base, settingAddresses(SETTINGS));
for (const b of report.broken) console.log(`${b.file}  ${b.url}  ${b.reason}`);
console.log(
  `${report.broken.length ? '✖' : '✔'} ${report.links} internal links on ${report.pages} pages, ${report.broken.length} broken`,
);
process.exitCode = report.broken.length ? 1 : 0;
