/**
 * Labels and help of every field in the editor, in both languages. A label the site already shows (on an entry's
 * page, in the field guide) is taken from the site's strings; the English help is the schema's own description
 * (`.describe()`, which also feeds the JSON Schemas), and the Chinese help is the field guide's text where the guide
 * explains the field, otherwise the translation below. Nothing here lists which fields exist: that is the schema's.
 */
import { en } from '../../i18n/en.ts';
import type { UiStrings } from '../../i18n/index.ts';
import { zh } from '../../i18n/zh.ts';
import type { FieldNode } from '../authoring/fields.ts';
import type { EditorCollection } from './collections.ts';

/** The editor's languages. */
export type EditorLang = 'zh' | 'en';
type Strings = UiStrings;
/** Text in both languages, or how to pick it from the site's strings. */
type Text = { zh: string; en: string } | ((t: Strings) => string);

const site = (pick: (t: Strings) => string): Text => pick;

/** Labels of standards' fields; localized children (`title.zh`) are labelled by language. */
const STANDARD_LABELS: Record<string, Text> = {
  code: site((t) => t.fields.code),
  title: site((t) => t.fields.title),
  summary: site((t) => t.entry.summary),
  lang: { zh: '首先写成的正文语言', en: 'Body written first in' },
  scope: site((t) => t.fields.scope),
  scopeNote: { zh: '范围说明', en: 'Scope note' },
  doctype: site((t) => t.fields.doctype),
  tier: site((t) => t.fields.tier),
  topics: site((t) => t.fields.topics),
  sectors: site((t) => t.fields.sectors),
  body: site((t) => t.fields.body),
  authority: site((t) => t.fields.authority),
  committee: site((t) => t.fields.committee),
  level: site((t) => t.fields.level),
  status: site((t) => t.fields.status),
  key: site((t) => t.fields.key),
  release: site((t) => t.fields.release),
  version: site((t) => t.fields.version),
  versions: site((t) => t.fields.versions),
  'versions[].version': site((t) => t.fields.version),
  'versions[].code': { zh: '该版本的标准号', en: 'Designation of this version' },
  'versions[].date': site((t) => t.fields.date),
  'versions[].release': site((t) => t.fields.release),
  dates: { zh: '日期', en: 'Dates' },
  'dates.published': site((t) => t.fields.published),
  'dates.effective': site((t) => t.fields.effective),
  references: site((t) => t.entry.references),
  supersedes: site((t) => t.entry.supersedes),
  related: site((t) => t.entry.related),
  adopts: site((t) => t.entry.adopts),
  'adopts[].id': { zh: '被采用的标准', en: 'Adopted standard' },
  'adopts[].degree': { zh: '采用程度', en: 'Degree of adoption' },
  ics: site((t) => t.fields.ics),
  ccs: site((t) => t.fields.ccs),
  plan: site((t) => t.fields.plan),
  requirements: site((t) => t.entry.requirements),
  'requirements[].id': { zh: '指标行编号', en: 'Row id' },
  'requirements[].metric': site((t) => t.table.metric),
  'requirements[].comparator': { zh: '比较方式', en: 'Comparator' },
  'requirements[].value': { zh: '数值', en: 'Value' },
  'requirements[].min': { zh: '下限', en: 'Minimum' },
  'requirements[].max': { zh: '上限', en: 'Maximum' },
  'requirements[].unit': { zh: '单位', en: 'Unit' },
  'requirements[].scenario': site((t) => t.table.scenario),
  'requirements[].clause': site((t) => t.table.clause),
  'requirements[].case': { zh: '用例', en: 'Use case' },
  'requirements[].sectors': site((t) => t.fields.sectors),
  'requirements[].note': site((t) => t.entry.note),
  'requirements[].version': { zh: '读取自版本', en: 'Read from version' },
  sources: site((t) => t.entry.sources),
  'sources[].label': { zh: '来源说明', en: 'Label' },
  'sources[].url': { zh: '网址', en: 'URL' },
  updated: site((t) => t.fields.updated),
};

const NAME: Text = { zh: '名称', en: 'Name' };
const ORDER: Text = { zh: '排序', en: 'Order' };
const DESCRIPTION: Text = { zh: '说明', en: 'Description' };

/** Labels of the reference collections' fields. */
const REFERENCE_LABELS: Record<Exclude<EditorCollection, 'standards'>, Record<string, Text>> = {
  sectors: {
    name: NAME,
    article: { zh: '行动计划条款', en: 'Article of the plan' },
    order: ORDER,
    description: DESCRIPTION,
  },
  topics: { name: NAME, tier: site((t) => t.fields.tier), order: ORDER, description: DESCRIPTION },
  bodies: {
    name: NAME,
    short: { zh: '简称', en: 'Short name' },
    levels: { zh: '发布的标准级别', en: 'Levels issued' },
    url: { zh: '主页', en: 'Home page' },
    description: DESCRIPTION,
    prefixes: { zh: '主管的标准号前缀', en: 'Designation prefixes' },
  },
  metrics: {
    name: NAME,
    unit: { zh: '标准单位', en: 'Canonical unit' },
    units: { zh: '可换算单位', en: 'Convertible units' },
    'units{}': { zh: '换算系数', en: 'Factor' },
    better: { zh: '优劣方向', en: 'Better' },
    order: ORDER,
    range: { zh: '取值范围', en: 'Range' },
    'range.min': { zh: '最小值', en: 'Minimum' },
    'range.max': { zh: '最大值', en: 'Maximum' },
  },
  targets: {
    name: NAME,
    description: DESCRIPTION,
    threshold: { zh: '目标数量', en: 'Threshold' },
    deadline: { zh: '截止日期', en: 'Deadline' },
    filter: { zh: '计入条件', en: 'Filter' },
    'filter.tier': site((t) => t.fields.tier),
    'filter.status': site((t) => t.fields.status),
    'filter.level': site((t) => t.fields.level),
    'filter.key': site((t) => t.fields.key),
    'filter.scope': site((t) => t.fields.scope),
    'filter.published': { zh: '发布日期范围', en: 'Publication dates' },
    'filter.published.from': { zh: '起始日期', en: 'From' },
    'filter.published.to': { zh: '截止日期', en: 'To' },
    'filter.sectors': site((t) => t.fields.sectors),
    'filter.topics': site((t) => t.fields.topics),
    'filter.body': site((t) => t.fields.body),
    source: { zh: '出处条款', en: 'Clause of the plan' },
    order: ORDER,
  },
  terms: {
    zh: { zh: '中文术语', en: 'Chinese term' },
    en: { zh: '英文术语', en: 'English term' },
    aliases: { zh: '别名', en: 'Aliases' },
    avoid: { zh: '应避免的译法', en: 'Renderings to avoid' },
    sources: site((t) => t.entry.sources),
    'sources[].label': { zh: '来源说明', en: 'Label' },
    'sources[].url': { zh: '网址', en: 'URL' },
    'sources[].shows': { zh: '显示的语言', en: 'Shows' },
    note: site((t) => t.entry.note),
    sector: { zh: '对应行业', en: 'Sector' },
    topic: { zh: '对应主题', en: 'Topic' },
  },
};

/** Field guide texts (the site's page on what the fields mean) that explain a standard's field. */
const GUIDE: Record<string, (t: Strings) => string> = {
  code: (t) => t.fieldGuide.code,
  title: (t) => t.fieldGuide.title_,
  status: (t) => t.fieldGuide.status,
  tier: (t) => t.fieldGuide.tier,
  level: (t) => t.fieldGuide.level,
  scope: (t) => t.fieldGuide.scope,
  scopeNote: (t) => t.fieldGuide.scopeNote,
  versions: (t) => t.fieldGuide.versions,
  doctype: (t) => t.fieldGuide.doctype,
  key: (t) => t.fieldGuide.key,
  body: (t) => t.fieldGuide.body,
  sectors: (t) => t.fieldGuide.sectors,
  topics: (t) => t.fieldGuide.topics,
  plan: (t) => t.fieldGuide.plan,
  dates: (t) => t.fieldGuide.dates,
  release: (t) => t.fieldGuide.release,
  ics: (t) => t.fieldGuide.ics,
  ccs: (t) => t.fieldGuide.ics,
  requirements: (t) => t.fieldGuide.requirements,
  updated: (t) => t.fieldGuide.updated,
  sources: (t) => t.fieldGuide.sources,
};

/** Chinese help of the fields the field guide does not explain (the English is each field's `.describe()`). */
const ZH_HELP: Record<EditorCollection, Record<string, string>> = {
  standards: {
    summary: '用一两句话说明本标准的用途。',
    lang: '正文最先用哪种语言写成；有 <Body lang> 两个语言块时，指主要语言。',
    authority: '主管部门，填发布机构编号；不填时按标准号前缀推定。',
    committee: '归口单位（技术委员会），填发布机构编号。',
    version: '条目所描述文件的版本（3GPP 或 ETSI 规范取其记录列出的最新版本）。',
    'versions[].version': '发布机构所编的版本或版次号：16.2.0（3GPP）、3.2.1（ETSI）、版次号，或 IEEE 修订版的年份。',
    'versions[].code': '该版本自己的标准号，与条目的标准号不同时填写（如带年份的较早 ISO、IEC 或 IEEE 版次）。',
    'versions[].date': '该版本的发布日期，按来源给出的精度：YYYY、YYYY-MM 或 YYYY-MM-DD。',
    'versions[].release': '该版本所属的3GPP版本（R8 至 R20）。',
    'requirements[].version': '该数值读取自文件的哪个版本（如 17.0.0）；须是条目在“版本”或“版本历史”中列出的版本。',
    'dates.published': '发布日期（YYYY-MM-DD）。',
    'dates.effective': '实施日期（YYYY-MM-DD），不得早于发布日期。',
    references: '本标准规范性引用的标准（条目编号）。',
    supersedes: '本标准代替的标准（条目编号）。',
    related: '其他相关标准（条目编号）。',
    adopts: '本标准采用的国际标准（采标）及采用程度。',
    'adopts[].id': '被采用标准的条目编号。',
    'adopts[].degree': '等同采用（IDT）、修改采用（MOD）或非等效采用（NEQ）。',
    'requirements[].id': '在本条目内唯一；小写字母、数字和连字符。',
    'requirements[].metric': '指标编号，取自 content/metrics（时延、可靠性……）。',
    'requirements[].comparator': '≤、≥、=，或“范围”（此时填下限和上限，不填数值）。',
    'requirements[].value': '数值；比较方式为“范围”时不填。',
    'requirements[].min': '下限，仅用于“范围”。',
    'requirements[].max': '上限，仅用于“范围”。',
    'requirements[].unit': '数值的单位：该指标的标准单位或可换算为它的单位。',
    'requirements[].scenario': '该数值适用的场景（用例、服务区域）。',
    'requirements[].clause': '给出该数值的标准条款或表格编号。',
    'requirements[].case': '用例编号；同一用例的各行（时延、可靠性、生存时间……）共用。',
    'requirements[].sectors': '该用例所属的行业；不填则为条目的行业。',
    'requirements[].note': '读者需要知道的说明（条款未核实、原文为严格小于……）；不要写进场景。',
    'sources[].label': '用读者看得懂的话说明这是什么链接（如“3GPP规范页面”）。',
    'sources[].url': '链接地址：http(s) 网址。',
  },
  sectors: {
    name: '中英文名称。',
    article: '行动计划中提到该行业的条款（第7至21条）。',
    order: '在列表中的位置，按行动计划的顺序。',
    description: '用自己的话说明5G给该行业带来什么、哪些标准重要。',
  },
  topics: {
    name: '中英文名称。',
    tier: '专栏1把该主题归入的层级。',
    order: '在列表中的位置。',
    description: '用自己的话说明该主题涵盖的内容。',
  },
  bodies: {
    name: '中英文全称。',
    short: '机构自己使用的简称或缩写（3GPP、CCSA、SAC/TC485）。',
    levels: '该机构发布的标准级别。',
    url: '主页，http(s) 网址。',
    description: '用自己的话说明该机构是什么、做什么。',
    prefixes: '该机构作为主管部门发布的标准号前缀，如工业和信息化部的 YD/T。',
  },
  metrics: {
    name: '中英文名称。',
    unit: '标准单位：比较和排序时所有数值都换算为它。',
    units: '其他单位，以及把该单位的1个换算为标准单位的系数。',
    better: '数值越小越好（时延）还是越大越好（可靠性）。',
    order: '在列表中的位置。',
    range: '数值可取的范围，以标准单位计（时延不为负，可靠性不超过100%）。',
    'range.min': '可能的最小值，以标准单位计。',
    'range.max': '可能的最大值，以标准单位计。',
  },
  targets: {
    name: '中英文名称。',
    description: '目标的文字定义，显示在计数旁。',
    threshold: '完成目标所需的条目数量。',
    deadline: '行动计划要求完成目标的日期（YYYY-MM-DD）。',
    filter: '哪些条目计入：填写的每一项都会缩小范围。',
    'filter.tier': '计入的层级；不填则不限。',
    'filter.status': '计入的状态；不填则不限。',
    'filter.level': '计入的级别；不填则不限。',
    'filter.key': '只计重点行业关键标准（是）或只计其他（否）；不填则都计。',
    'filter.scope': '计入的范围；不填则都计。',
    'filter.published': '发布日期范围（含两端）；没有日期的条目不计入。',
    'filter.published.from': '计入的最早发布日期（YYYY-MM-DD）。',
    'filter.published.to': '计入的最晚发布日期（YYYY-MM-DD）。',
    'filter.sectors': '行业编号；条目属于其中之一即计入。',
    'filter.topics': '主题编号；条目属于其中之一即计入。',
    'filter.body': '发布机构编号。',
    source: '目标出自行动计划的哪一条款。',
    order: '在进展页面上的位置。',
  },
  terms: {
    zh: '首选中文术语；正文使用它。',
    en: '首选英文术语；正文使用它。',
    aliases: '搜索也认识的变体（缩写、近义词）；正文不必使用。',
    avoid: '正文不得使用的其他译法。',
    sources: '每种译法的出处。',
    'sources[].label': '用读者看得懂的话说明这是什么链接。',
    'sources[].url': '链接地址：http(s) 网址。',
    'sources[].shows': '该页面显示了哪种语言的译法。',
    note: '某种语言的译法在任何来源中都找不到时，在此说明。',
    sector: '本术语是哪个行业的名称：搜索会把它当作该行业的名称。',
    topic: '本术语是哪个主题的名称。',
  },
};

const LANGUAGE_NAMES: Record<string, { zh: string; en: string }> = {
  zh: { zh: '中文', en: 'Chinese' },
  en: { zh: '英文', en: 'English' },
};

const pick = (text: Text, lang: EditorLang) =>
  typeof text === 'function' ? text(lang === 'zh' ? zh : en) : text[lang];

/** Whether a field is one language of a text given in both (`title.zh`), labelled by its language. */
export function isLanguageChild(field: FieldNode, parent: FieldNode | undefined): boolean {
  return (field.name === 'zh' || field.name === 'en') && parent?.kind === 'object' && parent.path !== '';
}

/** The label of a field, or undefined when the tables above have none for it. */
export function fieldLabel(
  collection: EditorCollection,
  field: FieldNode,
  parent: FieldNode | undefined,
  lang: EditorLang,
): string | undefined {
  if (isLanguageChild(field, parent)) return LANGUAGE_NAMES[field.name]![lang];
  const table = collection === 'standards' ? STANDARD_LABELS : REFERENCE_LABELS[collection];
  const text = table[field.path];
  return text && pick(text, lang);
}

/** The help of a field in a language, or undefined when none is written. */
export function fieldHelp(collection: EditorCollection, field: FieldNode, lang: EditorLang): string | undefined {
  if (collection === 'standards' && GUIDE[field.path] && lang === 'zh') return GUIDE[field.path]!(zh);
  if (lang === 'en') return field.description;
  return ZH_HELP[collection][field.path];
}

/** The table keys, for the test that keeps them in step with the schemas. */
export const TABLE_KEYS = {
  labels: (collection: EditorCollection) =>
    Object.keys(collection === 'standards' ? STANDARD_LABELS : REFERENCE_LABELS[collection]),
  zhHelp: (collection: EditorCollection) => Object.keys(ZH_HELP[collection]),
  guide: () => Object.keys(GUIDE),
};
