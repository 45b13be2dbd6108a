/** Today's date in China (UTC+8) as YYYY-MM-DD, or CATALOGUE_TODAY when set (tests, reproducible builds). */
export function today(env: Record<string, string | undefined> = process.env): string {
  const fixed = env.CATALOGUE_TODAY;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
