/**
 * The clauses of the 2021-2023 "5G application sailing" action plan (5G应用“扬帆”行动计划)
 * that an entry can serve: its 32 numbered articles and its four boxes (专栏).
 * Headings are the project's own short summaries, not quotations.
 */
export interface PlanClause {
  id: string;
  /** Part of the plan the clause belongs to. */
  part: PlanPartId;
  heading: { zh: string; en: string };
  /** Sector id for the articles 7-21 that each name one industry. */
  sector?: string;
}

export type PlanPartId = 'standards' | 'industry-base' | 'sectors' | 'network' | 'ecosystem' | 'security';

/** The plan's parts, in the order of the document. */
export const PLAN_PARTS: ReadonlyArray<{ id: PlanPartId; heading: { zh: string; en: string } }> = [
  { id: 'standards', heading: { zh: '构建5G应用标准体系', en: 'Building the 5G application standards system' } },
  { id: 'industry-base', heading: { zh: '强化5G产业基础', en: 'Strengthening the 5G industrial base' } },
  { id: 'sectors', heading: { zh: '赋能重点领域', en: 'Bringing 5G to the key sectors' } },
  { id: 'network', heading: { zh: '夯实5G网络能力', en: 'Network capability' } },
  { id: 'ecosystem', heading: { zh: '融通应用生态', en: 'The application ecosystem' } },
  { id: 'security', heading: { zh: '提升应用安全', en: 'Application security' } },
];

const c = (id: string, part: PlanPartId, zh: string, en: string, sector?: string): PlanClause =>
  sector ? { id, part, heading: { zh, en }, sector } : { id, part, heading: { zh, en } };

/** Every clause, in document order (each box follows the articles it belongs to). */
export const PLAN_CLAUSES: readonly PlanClause[] = [
  c('1', 'standards', '打通跨行业协议标准', 'Make protocols and standards interwork across industries'),
  c('2', 'standards', '研制重点行业融合应用标准', 'Write integration standards for the key industries'),
  c('3', 'standards', '推动重点行业关键标准落地', 'Put key industry standards into practice'),
  c('box-1', 'standards', '专栏1：标准体系构建及推广工程', 'Box 1: building and promoting the standards system'),
  c('4', 'industry-base', '攻关关键系统设备', 'Key system equipment'),
  c('5', 'industry-base', '补齐芯片与射频短板', 'Chips, RF parts and test instruments'),
  c('6', 'industry-base', '推动新型消费终端成熟', 'New consumer terminals'),
  c('box-2', 'industry-base', '专栏2：面向行业需求的产品攻坚工程', 'Box 2: base stations, modules and terminals for industry'),
  c('7', 'sectors', '5G+信息消费', '5G for information consumption', 'consumer'),
  c('8', 'sectors', '5G+融合媒体', '5G for converged media', 'media'),
  c('9', 'sectors', '5G+工业互联网', '5G for the industrial internet', 'industrial-internet'),
  c('10', 'sectors', '5G+车联网', '5G for connected vehicles', 'vehicles'),
  c('11', 'sectors', '5G+智慧物流', '5G for smart logistics', 'logistics'),
  c('12', 'sectors', '5G+智慧港口', '5G for smart ports', 'ports'),
  c('13', 'sectors', '5G+智能采矿', '5G for smart mining', 'mining'),
  c('14', 'sectors', '5G+智慧电力', '5G for the smart grid', 'power'),
  c('15', 'sectors', '5G+智能油气', '5G for oil and gas', 'oil-gas'),
  c('16', 'sectors', '5G+智慧农业', '5G for smart agriculture', 'agriculture'),
  c('17', 'sectors', '5G+智慧水利', '5G for water management', 'water'),
  c('18', 'sectors', '5G+智慧教育', '5G for education', 'education'),
  c('19', 'sectors', '5G+智慧医疗', '5G for healthcare', 'healthcare'),
  c('20', 'sectors', '5G+文化旅游', '5G for culture and tourism', 'culture-tourism'),
  c('21', 'sectors', '5G+智慧城市', '5G for smart cities', 'smart-city'),
  c('22', 'network', '提升面向公众的网络覆盖', 'Public network coverage'),
  c('23', 'network', '增强面向行业的网络供给', 'Networks for industry: slicing, edge computing, indoor positioning'),
  c('24', 'network', '保障5G频率资源', 'Spectrum for 5G'),
  c('25', 'ecosystem', '跨领域融合创新', 'Cross-domain innovation'),
  c('26', 'ecosystem', '融合应用政策创新', 'Policy innovation for 5G applications'),
  c('27', 'ecosystem', '建设应用创新载体', 'Innovation centres and incubators'),
  c('28', 'ecosystem', '共性技术平台支撑', 'Shared technology platforms'),
  c('box-3', 'ecosystem', '专栏3：应用创新生态培育示范工程', 'Box 3: growing the application ecosystem'),
  c('29', 'security', '应用安全风险评估', 'Security risk assessment of 5G applications'),
  c('30', 'security', '应用安全示范推广', 'Security demonstration and promotion'),
  c('31', 'security', '安全评测认证能力', 'Security testing and certification'),
  c('32', 'security', '安全供给支撑服务', 'Security products and services'),
  c('box-4', 'security', '专栏4：应用安全能力锻造工程', 'Box 4: building application security capability'),
];

/** Valid values of an entry's `plan` field. */
export const PLAN_CLAUSE_IDS = PLAN_CLAUSES.map((clause) => clause.id) as [string, ...string[]];
