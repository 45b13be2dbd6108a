/**
 * Imported first by the commands that read the deployment settings (build, export, check:links, report): a refused
 * setting, a SettingError thrown while src/lib/site/settings.ts is read, ends the command with its one-line message
 * and exit code 1, before anything is built and without a stack trace. Any other uncaught error ends it as Node
 * would, with its stack.
 */
process.on('uncaughtException', (error) => {
  console.error(error instanceof Error && error.name === 'SettingError' ? `✖ ${error.message}` : error);
  process.exit(1);
});
