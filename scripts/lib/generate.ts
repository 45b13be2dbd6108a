/**
 * A synthetic catalogue for benchmarks: N entries valid against the authoring format, generated from a
 * fixed seed, with bodies of about 5 KB mixing Chinese and English, a GFM table, references,
 * replacements and requirements. The reference collections are copied from content/.
 */
import { execFile } from 'node:child_process';
import { appendFile, cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/** A small seeded generator (mulberry32): the same seed gives the same catalogue. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)]!;
  const some = <T>(list: readonly T[], max: number) => [
    ...new Set(Array.from({ length: int(max + 1) }, () => pick(list))),
  ];
  return { next, int, pick, some };
}

const SECTORS = [
  'consumer',
  'media',
  'industrial-internet',
  'vehicles',
  'logistics',
  'ports',
  'mining',
  'power',
  'oil-gas',
  'agriculture',
  'water',
  'education',
  'healthcare',
  'culture-tourism',
  'smart-city',
];
const TOPICS = [
  'terminology',
  'application-requirements',
  'security',
  'chips-modules',
  'network',
  'platform',
  'terminals',
  'deterministic-networking',
  'enhanced-uplink',
  'positioning',
  'anti-emi',
];
const BODIES: Array<[string, string, string]> = [
  ['3gpp', '3GPP TS', 'international'],
  ['ccsa', 'YD/T', 'industry'],
  ['sac', 'GB/T', 'national'],
  ['ccsa', 'T/CCSA', 'group'],
  ['itu-t', 'ITU-T Y.', 'international'],
  ['ieee', 'IEEE 802.1', 'international'],
];
const ZH = [
  '网络切片',
  '边缘计算',
  '确定性时延',
  '高精度定位',
  '工业互联网',
  '智能电网',
  '远程控制',
  '超高清视频',
  '车联网',
  '安全防护',
  '终端模组',
  '上行增强',
  '时间同步',
  '行业专网',
  '数据采集',
  '智慧港口',
  '煤矿井下',
  '应急通信',
];
const ZH_FILL = [
  '本标准规定了',
  '的技术要求和测试方法，适用于',
  '场景中的设备与系统。',
  '在部署时应考虑',
  '并与现有系统保持兼容，',
  '时延、可靠性等指标应满足',
  '的要求。',
];
const EN = [
  'slicing',
  'edge computing',
  'deterministic latency',
  'positioning',
  'industrial control',
  'smart grid',
  'remote operation',
  'video backhaul',
  'vehicle communication',
  'security',
  'modules',
  'uplink',
  'synchronisation',
  'private networks',
  'data collection',
  'automation',
];
const EN_FILL = [
  'This standard specifies requirements for',
  'and describes test methods that apply to',
  'in deployments where',
  'must be taken into account,',
  'so that equipment from different vendors interworks.',
  'Operators should verify',
];
const METRICS: Array<[string, string[]]> = [
  ['latency', ['ms', 'us']],
  ['reliability', ['%']],
  ['availability', ['%']],
  ['data-rate-ul', ['Mbit/s', 'Gbit/s']],
  ['positioning-accuracy', ['m', 'cm']],
  ['sync-accuracy', ['us', 'ns']],
];

function paragraph(r: ReturnType<typeof random>, lang: 'zh' | 'en'): string {
  const parts: string[] = [];
  for (let i = 0; i < 7; i++) {
    if (lang === 'zh') parts.push(r.pick(ZH_FILL) + r.pick(ZH) + r.pick(ZH_FILL) + r.pick(ZH));
    else parts.push(`${r.pick(EN_FILL)} ${r.pick(EN)} ${r.pick(EN_FILL)} ${r.pick(EN)}.`);
  }
  return parts.join(lang === 'zh' ? '' : ' ');
}

/** The MDX of entry `i`; `replaced` holds earlier entries whose status says they were replaced. */
export function entry(
  i: number,
  r: ReturnType<typeof random>,
  replaced: number[] = [],
): { id: string; text: string; status: string } {
  const [body, prefix, level] = r.pick(BODIES);
  const code =
    prefix.endsWith('.') || prefix.endsWith('1')
      ? `${prefix}${10000 + i}`
      : `${prefix} ${10000 + i}${prefix.includes('/') ? `-${2018 + r.int(8)}` : ''}`;
  const id = `gen-${i}`;
  const tier = r.pick(['base', 'common', 'industry', 'industry'] as const);
  const sectors = tier === 'industry' ? [r.pick(SECTORS), ...r.some(SECTORS, 1)] : r.some(SECTORS, 2);
  const lang = r.pick(['zh', 'en'] as const);
  const status = r.pick([
    'published',
    'published',
    'published',
    'published',
    'drafting',
    'superseded',
    'withdrawn',
  ] as const);
  const year = 2017 + r.int(9);
  const month = String(1 + r.int(12)).padStart(2, '0');
  const references =
    i > 0
      ? r.some(
          Array.from({ length: Math.min(i, 50) }, (_, k) => `gen-${i - 1 - k}`),
          3,
        )
      : [];
  const supersedes =
    replaced.length && status === 'published' && r.next() < 0.3
      ? [`gen-${replaced.splice(r.int(replaced.length), 1)[0]}`]
      : [];
  const requirements = Array.from({ length: r.int(4) }, (_, k) => {
    const [metric, units] = r.pick(METRICS);
    const unit = r.pick(units);
    return `  - { id: r${k}, metric: ${metric}, comparator: "${r.pick(['<=', '>='])}", value: ${1 + r.int(99)}, unit: "${unit}", scenario: { zh: "${r.pick(ZH)}场景", en: "${r.pick(EN)} scenario" }, clause: "${1 + r.int(9)}.${1 + r.int(9)}" }`;
  });
  const unique = `gen${i}word`;
  const text = [
    '---',
    `code: "${code}"`,
    `title: { zh: "${r.pick(ZH)}${r.pick(ZH)}技术要求 ${i}", en: "Requirements for ${r.pick(EN)} and ${r.pick(EN)} ${i}" }`,
    `summary: { zh: "${paragraph(r, 'zh').slice(0, 60)}", en: "${paragraph(r, 'en').slice(0, 120)}" }`,
    `lang: ${lang}`,
    `scope: ${r.next() < 0.8 ? '5g' : 'background'}`,
    `tier: ${tier}`,
    `topics: [${r.some(TOPICS, 2).join(', ')}]`,
    `sectors: [${sectors.join(', ')}]`,
    `body: ${body}`,
    `level: ${level}`,
    `status: ${status}`,
    `key: ${tier === 'industry' && r.next() < 0.2}`,
    `dates: { published: ${year}-${month}-0${1 + r.int(9)} }`,
    `references: [${references.join(', ')}]`,
    `supersedes: [${supersedes.join(', ')}]`,
    `plan: ["${1 + r.int(32)}", "box-${1 + r.int(4)}"]`,
    ...(requirements.length ? ['requirements:', ...requirements] : []),
    'sources:',
    `  - { label: "Issuer record", url: "https://example.org/standards/${i}" }`,
    `updated: 2026-${month}-1${r.int(9)}`,
    '---',
    `## ${lang === 'zh' ? '范围' : 'Scope'}`,
    '',
    paragraph(r, lang),
    '',
    paragraph(r, lang === 'zh' ? 'en' : 'zh'),
    '',
    `## ${lang === 'zh' ? '关键条款' : 'Key clauses'}`,
    '',
    '| Clause | Content | 内容 |',
    '|---|---|---|',
    ...Array.from({ length: 8 }, (_, k) => `| ${k + 1} | ${r.pick(EN)} | ${r.pick(ZH)} |`),
    '',
    paragraph(r, lang),
    '',
    paragraph(r, lang === 'zh' ? 'en' : 'zh'),
    '',
    `${paragraph(r, lang)} ${unique}.`,
    '',
    `- ${r.pick(EN)} ([spec](https://example.org/spec/${i}))`,
    `- ${r.pick(ZH)}`,
    '',
  ].join('\n');
  return { id, text, status };
}

/** Writes a catalogue of `count` entries into `dir` (reference collections copied from `source`). */
export async function generateCatalogue(dir: string, count: number, source: string, seed = 2021): Promise<void> {
  for (const name of ['sectors', 'topics', 'bodies', 'metrics', 'targets'])
    await cp(path.join(source, name), path.join(dir, name), { recursive: true });
  await mkdir(path.join(dir, 'standards'), { recursive: true });
  const r = random(seed);
  const batch: Promise<void>[] = [];
  const replaced: number[] = [];
  for (let i = 0; i < count; i++) {
    const { id, text, status } = entry(i, r, replaced);
    if (status === 'superseded') replaced.push(i);
    batch.push(writeFile(path.join(dir, 'standards', `${id}.mdx`), text));
    if (batch.length >= 200) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
}

/**
 * Makes the generated catalogue a git repository with a history, so that the build's history pass is
 * measured: a first commit adds every entry, then `rounds` commits each touch every tenth entry (a different
 * tenth each time): the odd rounds change a field (the review date), the even ones only the file's formatting (a
 * trailing newline), which the history leaves out.
 */
export async function commitCatalogue(dir: string, count: number, rounds = 3): Promise<void> {
  const run = promisify(execFile);
  const git = (args: string[], day: number) =>
    run(
      'git',
      ['-c', 'user.name=Benchmark', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: dir,
        maxBuffer: 64 * 2 ** 20,
        env: {
          ...process.env,
          GIT_AUTHOR_DATE: `2026-01-${String(day).padStart(2, '0')}T10:00:00+08:00`,
          GIT_COMMITTER_DATE: `2026-01-${String(day).padStart(2, '0')}T10:00:00+08:00`,
        },
      },
    );
  await git(['init', '-q'], 1);
  await git(['add', '-A'], 1);
  await git(['commit', '-q', '-m', `Generated catalogue of ${count} entries`], 1);
  for (let round = 0; round < rounds; round++) {
    for (let i = round; i < count; i += 10) {
      const file = path.join(dir, 'standards', `gen-${i}.mdx`);
      if (round % 2 === 1) await appendFile(file, '\n');
      else {
        const text = await readFile(file, 'utf8');
        await writeFile(file, text.replace(/^updated: .*$/m, `updated: 2026-01-${String(2 + round).padStart(2, '0')}`));
      }
    }
    await git(['commit', '-q', '-am', `Review round ${round + 1}: every tenth entry`], 2 + round);
  }
}
