/**
 * The little of Decap CMS's browser API the editor uses (its bundle defines `window.CMS`, `window.h` and
 * `window.createClass`), typed loosely: values from the editor are Immutable.js collections.
 */

/** An Immutable.js value as Decap hands it over. */
export interface Immutable {
  get(key: string): unknown;
  getIn(path: readonly string[]): unknown;
  set(key: string, value: unknown): Immutable;
  toJS(): unknown;
}

/** React element creation (Decap's `window.h`). */
export type H = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;

/** A component class made by create-react-class (Decap's `window.createClass`). */
export type CreateClass = (spec: Record<string, unknown> & { render(): unknown }) => unknown;

/** A registered widget. */
export interface Widget {
  control: unknown;
  preview: unknown;
  schema?: unknown;
}

/** Decap's `window.CMS`. */
export interface Cms {
  init(options: { config: Record<string, unknown> }): void;
  registerCustomFormat(
    name: string,
    extension: string,
    format: { fromFile(text: string): unknown; toFile(data: Record<string, unknown>): string },
  ): void;
  registerWidget(name: string, control: unknown, preview?: unknown, schema?: unknown): void;
  getWidget(name: string): Widget | undefined;
  registerPreviewTemplate(collection: string, component: unknown): void;
  registerPreviewStyle(href: string): void;
  getLocale(locale: string): Record<string, unknown> | undefined;
  registerLocale(locale: string, phrases: Record<string, unknown>): void;
  registerEventListener(listener: {
    name: 'preSave' | 'postSave' | 'prePublish' | 'postPublish';
    handler: (event: { entry: Immutable }) => unknown;
  }): void;
}

declare global {
  interface Window {
    CMS?: Cms;
    h?: H;
    createClass?: CreateClass;
    CMS_MANUAL_INIT?: boolean;
  }
}

/** Plain data of a value that may be an Immutable.js collection. */
export const toJS = (value: unknown): unknown =>
  value && typeof value === 'object' && typeof (value as Immutable).toJS === 'function'
    ? (value as Immutable).toJS()
    : value;
