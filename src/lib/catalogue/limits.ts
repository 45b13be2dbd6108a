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
  /**
   * Characters of an id (a file name without its extension): every id names a folder and files of the built site
   * (`standards/<id>/index.html`, `cite/<id>.json`), which must fit a file system's 255-byte names and, unzipped
   * from the offline copy, Windows' 260-character paths.
   */
  id: 80,
  /** Columns of a table in a body (every row is rendered with as many cells as its header has). */
  tableColumns: 50,
  /** Rows of a table in a body. */
  tableRows: 1_000,
  /** Cells of a table in a body: rows times columns, as rendered. */
  tableCells: 10_000,
  /** Lines of one block of a body (a paragraph, list or table: lines without a blank line between them). */
  blockLines: 1_000,
  /** Emphasis, link and code markers (`*`, `_`, `~`, `[`, `]`, `` ` ``) in one block of a body: pairing them costs the parser the square of their number. */
  blockMarkers: 1_000,
  /** Footnotes of a body. */
  footnotes: 500,
  /**
   * Levels of nesting summed over a body's lines (each line's quote markers, list markers and indentation): the
   * parser works through every open level on every line, so deep quotes on many lines cost it the most.
   */
  nestingTotal: 10_000,
} as const;
