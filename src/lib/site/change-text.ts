/**
 * A change to an entry (entry-diff.ts) said in a page's language, from the names of the fields it changed: "状态：起草中 →
 * 已发布；标准名称更正" on the Chinese page, "Status changed: drafting → published; Title corrected" on the English one.
 * Values are shown as labels where the site has one (a status, a tier, yes and no), else as written.
 */
import { ui, type Lang } from '../../i18n/index.ts';
import type { ChangeItem } from './entry-diff.ts';

type Strings = ReturnType<typeof ui>;

/** The label of a field (the field's own name when the site has none: a field added since). */
export function fieldLabel(field: string, lang: Lang): string {
  const fields = ui(lang).whatChanged.fields as Record<string, string>;
  return Object.hasOwn(fields, field) ? fields[field]! : field;
}

/** A value as the page shows it: its label where one exists. */
function valueLabel(field: string, value: string | undefined, t: Strings): string | undefined {
  if (value === undefined) return undefined;
  const labels: Record<string, Record<string, string>> = {
    status: t.whatChanged.statuses,
    tier: t.tierBadge,
    level: t.levels,
    scope: t.scopes,
    doctype: t.doctypes,
    key: { true: t.whatChanged.yes, false: t.whatChanged.no },
    lang: { zh: '中文', en: 'English' },
  };
  const map = labels[field];
  return map && Object.hasOwn(map, value) ? map[value] : value;
}

/** One item in words. */
export function itemText(item: ChangeItem, lang: Lang): string {
  const t = ui(lang);
  const w = t.whatChanged;
  switch (item.kind) {
    case 'added':
      return w.added;
    case 'removed':
      return w.removed;
    case 'edited':
      return w.edited;
    case 'text':
      return w.text;
    case 'status':
      return w.status(valueLabel('status', item.from, t) ?? '—', valueLabel('status', item.to, t) ?? '—');
    case 'requirements':
      return w.requirements(item.added, item.changed, item.removed);
    case 'list':
      return w.list(fieldLabel(item.field, lang), item.added, item.removed);
    case 'field': {
      const label = fieldLabel(item.field, lang);
      if (item.how === 'set') return w.set(label, valueLabel(item.field, item.to, t));
      if (item.how === 'removed') return w.unset(label);
      return w.changed(label, valueLabel(item.field, item.from, t), valueLabel(item.field, item.to, t));
    }
  }
}

/** Every item of a change in words, joined as one sentence. */
export function changeText(items: readonly ChangeItem[], lang: Lang): string {
  return items.map((item) => itemText(item, lang)).join(ui(lang).whatChanged.separator);
}
