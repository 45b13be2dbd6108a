/**
 * Limits on what a contribution may hold, so that no file can exhaust the check or the build. Each is documented
 * in CONTRIBUTING.md; a file beyond one is refused with its name, line and the limit.
 */
export const LIMITS = {
  /** Bytes of one `content/standards/<id>.mdx` file. */
  standardFileBytes: 256 * 1024,
  /** Bytes of one reference YAML file (`content/<collection>/<id>.yaml`). */
  referenceFileBytes: 64 * 1024,
  /** Characters of an entry body (both languages together). */
  bodyChars: 120_000,
  /** Levels of nesting in YAML (mappings and lists inside each other). */
  yamlDepth: 12,
  /** Values a YAML file may expand to (aliases repeat whole blocks: "billion laughs"). */
  yamlValues: 20_000,
  /** Levels of nesting in a body's syntax tree (block quotes, lists, elements, emphasis inside each other). */
  bodyDepth: 40,
  /** Characters of a designation. */
  code: 200,
  /** Characters of a title, name, scenario, label or other one-line text. */
  shortText: 500,
  /** Characters of a summary, note or description. */
  longText: 3_000,
  /** Characters of a URL. */
  url: 2_000,
} as const;
