import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What the synthetic deck is made of. */
export interface SyntheticSpec {
  slides: number;
  charts: number;
  /** Datasets per data file. */
  perFile: number;
  /** PRNG seed: the same seed writes the same files. */
  seed: number;
}

export const SYNTHETIC: SyntheticSpec = { slides: 1000, charts: 200, perFile: 20, seed: 20250310 };

/** A small, fast, seedable PRNG (mulberry32): the deck is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRODUCTS = [
  'DeepSeek',
  '豆包',
  '月之暗面',
  '海螺視頻',
  '可靈',
  '通義千問',
  '文心一言',
  '騰訊元寶',
  '智譜清言',
  '訊飛星火',
  'ChatGPT',
  'Claude',
  'Gemini',
  'Perplexity',
  'Character.AI',
  'Midjourney',
  'Suno',
  'Runway',
  'Pika',
  'Copilot',
  '夸克AI',
  '百度AI搜索',
  '美圖',
  '秘塔搜索',
  '天工',
  '商量',
  '階躍星辰',
  '百川',
  'MiniMax',
  '零一萬物',
];
const CHINA = new Set([
  'DeepSeek',
  '豆包',
  '月之暗面',
  '海螺視頻',
  '可靈',
  '通義千問',
  '文心一言',
  '騰訊元寶',
  '智譜清言',
  '訊飛星火',
  '夸克AI',
  '百度AI搜索',
  '美圖',
  '秘塔搜索',
  '天工',
  '商量',
  '階躍星辰',
  '百川',
  'MiniMax',
  '零一萬物',
]);
const COMPANIES = ['阿里巴巴', '字節跳動', '騰訊', '百度', '快手', '美團', '京東', '小米', '華為', '網易'];
const PHRASES = [
  '國產大模型的競爭才剛剛開始',
  '開源策略激活了整個生態',
  '算力成本仍是規模化應用的瓶頸',
  '資本投入持續加碼',
  '用戶從「不知AI為何物」到「用上AI」',
  '長尾創新推動應用落地',
  '技術硬核成為用戶選擇的重要指標',
  '孤島效應仍然明顯',
  '商業化能力決定企業能走多遠',
  '研發效率瓶頸將在一段時期裡困擾廠商',
  '合作共贏說起來容易，做起來難',
  '細分領域的規模化法則再次陡峭',
];

/** Fisher–Yates with the seeded PRNG. */
function shuffle<T>(xs: readonly T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

type Kind = 'ranking' | 'comparison' | 'breakdown' | 'share';
const KINDS: Kind[] = ['ranking', 'comparison', 'breakdown', 'share'];

interface Dataset {
  file: number;
  key: string;
  kind: Kind;
  yaml: string;
  /** A handlebars expression that cites one of its figures, for notes and takeaways. */
  mention: string;
}

/**
 * Writes a synthetic project into `dir`: `deck.yaml` with `spec.slides` slides in every layout,
 * `spec.charts` of them charts (ranking, comparison, breakdown, share in turn), each drawing its
 * own dataset so no two charts are the same picture, and the data files those datasets live in.
 * Returns the outline's path.
 */
export async function writeSyntheticDeck(dir: string, spec: SyntheticSpec = SYNTHETIC): Promise<string> {
  const rnd = prng(spec.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

  const datasets: Dataset[] = [];
  for (let k = 0; k < spec.charts; k++) {
    const kind = KINDS[k % KINDS.length] as Kind;
    const key = `${kind.replace('-', '_')}${k}`;
    const file = Math.floor(k / spec.perFile);
    datasets.push({ file, key, kind, ...datasetYaml(kind, key, k, rnd, pick, int) });
  }

  const files = new Map<number, string[]>();
  for (const d of datasets) files.set(d.file, [...(files.get(d.file) ?? []), d.yaml]);
  await mkdir(path.join(dir, 'data'), { recursive: true });
  for (const [file, parts] of files) await writeFile(path.join(dir, 'data', `set${file}.yaml`), `# synthetic data file ${file}\n\n${parts.join('\n')}`);

  const slides: string[] = [];
  slides.push(`  - layout: title\n    title: '{{deck.title}}'\n    subtitle: '{{deck.subtitle}}'\n    meta: '根據{{deck.source.publisher}}報導整理｜{{date deck.date}}'`);
  slides.push(`  - layout: agenda\n    title: 議程\n    items: [榜單與數據, 資本與投入, 市場份額, 挑戰與展望]\n    notes: 本簡報為效能測試而生成。`);
  // Charts spread evenly over the content slides; the other layouts take turns between them.
  const others = ['section', 'bullets', 'figures', 'quote', 'timeline', 'comparison', 'takeaways', 'bullets'];
  const content = spec.slides - 3;
  let chart = 0;
  let other = 0;
  for (let s = 0; s < content; s++) {
    const wantChart = chart < spec.charts && Math.floor(((s + 1) * spec.charts) / content) > chart;
    if (wantChart) {
      const d = datasets[chart] as Dataset;
      slides.push(chartSlide(d, chart, pick, int));
      chart++;
      continue;
    }
    const layout = others[other++ % others.length] as string;
    const d = datasets[int(0, datasets.length - 1)] as Dataset;
    slides.push(otherSlide(layout, other, d, pick, int));
  }
  slides.push(`  - layout: sources\n    title: 資料來源\n    notes: 所有數據均為生成的測試數據。`);

  const dataRefs = [...files.keys()].map((f) => `  set${f}: data/set${f}.yaml`).join('\n');
  const outline = `# A synthetic deck for \`npm run bench\`: ${spec.slides} slides, ${spec.charts} charts (seed ${spec.seed}).
deck:
  title: 效能測試：國產生成式AI的千頁簡報
  subtitle: 生成的大型簡報
  author: briefdeck bench
  date: "2025-03-10"
  lang: zh-TW
  source:
    publisher: briefdeck
    title: 合成測試資料
  footer: 合成資料，僅供效能測試
data:
${dataRefs}
slides:
${slides.join('\n\n')}
`;
  const outlineFile = path.join(dir, 'deck.yaml');
  await writeFile(outlineFile, outline);
  return outlineFile;
}

function datasetYaml(kind: Kind, key: string, k: number, rnd: () => number, pick: <T>(xs: readonly T[]) => T, int: (lo: number, hi: number) => number): { yaml: string; mention: string } {
  const ns = `set${Math.floor(k / SYNTHETIC.perFile)}`;
  const source = `  source:\n    publisher: ${pick(['a16z', '量子位', '工信部', 'Sensor Tower', 'Similarweb'])}\n    title: 合成資料第${k}號\n    via: briefdeck bench\n`;
  if (kind === 'ranking') {
    const n = int(5, 10);
    const names = shuffle(PRODUCTS, rnd).slice(0, n);
    const withScores = k % 8 === 0;
    let score = int(400, 900) * 1_000_000;
    const entries = names.map((name, i) => {
      const rank = i * 2 + int(1, 2);
      score = Math.round(score * (0.6 + rnd() * 0.35));
      const group = CHINA.has(name) ? ', group: china' : '';
      return `        - { name: ${JSON.stringify(name)}, rank: ${rank}${group}${withScores ? `, score: ${score}` : ''} }`;
    });
    const yaml = `${key}:\n  type: ranking\n  title: 生成式AI產品榜單第${k}號\n  size: 50\n  basis: 月獨立訪問量\n${withScores ? '  scoreUnit: 次\n' : ''}  groups:\n    china:\n      label: 中國產品\n${source}  editions:\n    - asOf: "2025-0${1 + (k % 3)}"\n      entries:\n${entries.join('\n')}\n`;
    return { yaml, mention: `{{rank ${ns}.${key} ${JSON.stringify(names[0])}}}` };
  }
  const asOf = `  asOf: "2025-0${1 + (k % 3)}"\n`;
  if (kind === 'comparison') {
    const n = int(2, 6);
    const companies = shuffle(COMPANIES, rnd).slice(0, n);
    const items = companies.map((c, i) => `    c${i}:\n      label: ${c}\n      value: ${int(10, 4000) * 100_000_000}\n      unit: 元\n      period: 2025年`);
    return { yaml: `${key}:\n  type: figures\n  title: 大廠資本投入第${k}號\n${asOf}${source}  items:\n${items.join('\n')}\n`, mention: `{{figure ${ns}.${key} "c0"}}` };
  }
  if (kind === 'breakdown') {
    const parts = int(2, 4);
    const values = Array.from({ length: parts }, () => int(5, 60) * 1_000_000_000);
    const total = values.reduce((a, b) => a + b, 0) + int(0, 20) * 1_000_000_000;
    const items = [
      `    total:\n      label: ${pick(COMPANIES)}資本開支\n      value: ${total}\n      unit: 元\n      period: 2025年`,
      ...values.map((v, i) => `    part${i}:\n      label: ${pick(['AI算力採購', 'IDC基建', '網絡設備', '研發投入', '數據採購'])}${i}\n      value: ${v}\n      unit: 元\n      parent: total`),
    ];
    return { yaml: `${key}:\n  type: figures\n  title: 資本開支構成第${k}號\n${asOf}${source}  items:\n${items.join('\n')}\n`, mention: `{{figure ${ns}.${key} "total"}}` };
  }
  const n = int(2, 5);
  const items = Array.from(
    { length: n },
    (_, i) => `    p${i}:\n      label: ${pick(['中國受訪者', '全球受訪者', '美國受訪者', '歐洲受訪者', '日本受訪者'])}${i}\n      value: ${int(20, 95)}\n      unit: '%'`,
  );
  return { yaml: `${key}:\n  type: figures\n  title: 受訪者比例第${k}號\n${asOf}${source}  items:\n${items.join('\n')}\n`, mention: `{{value ${ns}.${key} "p0"}}` };
}

function chartSlide(d: Dataset, k: number, pick: <T>(xs: readonly T[]) => T, int: (lo: number, hi: number) => number): string {
  const ns = `set${d.file}`;
  const highlight = d.kind === 'ranking' ? '\n      highlight: china' : '';
  const title = d.kind === 'share' ? `\n      title: 認為AI將改變世界的受訪者比例（${k}）` : '';
  return `  - layout: chart
    title: 圖表第${k}號：${pick(PHRASES)}
    chart:
      kind: ${d.kind}
      data: ${ns}.${d.key}${highlight}${title}
    takeaway: '${pick(PHRASES)}：${d.mention}'
    notes: |-
      ${pick(PHRASES)}，${d.mention}。
      ${pick(PHRASES)}；第${int(1, 9)}個要點。`;
}

function otherSlide(layout: string, n: number, d: Dataset, pick: <T>(xs: readonly T[]) => T, int: (lo: number, hi: number) => number): string {
  const notes = `    notes: |-\n      ${pick(PHRASES)}，${d.mention}。\n      ${pick(PHRASES)}。`;
  switch (layout) {
    case 'section':
      return `  - layout: section\n    number: "${String((n % 99) + 1).padStart(2, '0')}"\n    title: ${pick(PHRASES)}\n    subtitle: 第${n}部分`;
    case 'bullets':
      return `  - layout: bullets\n    title: ${pick(PHRASES)}\n    bullets:\n      - ${pick(PHRASES)}\n      - text: '${pick(PHRASES)}：${d.mention}'\n        sub:\n          - ${pick(PHRASES)}\n      - ${pick(PHRASES)}\n${notes}`;
    case 'figures':
      return `  - layout: figures\n    title: ${pick(PHRASES)}\n    figures:\n${Array.from({ length: int(2, 4) }, (_, i) => `      - value: '{{num ${int(1, 9999) * 10000}}}'\n        label: 指標${i}\n        detail: ${pick(PHRASES)}`).join('\n')}\n${notes}`;
    case 'quote':
      return `  - layout: quote\n    quote: ${pick(PHRASES)}，${pick(PHRASES)}。\n    speaker: ${pick(['陳坤', '大李', '吳飛', '石云升'])}\n    role: AI行業研究人士\n${notes}`;
    case 'timeline':
      return `  - layout: timeline\n    title: 大事記第${n}號\n    events:\n${Array.from({ length: int(3, 7) }, (_, i) => `      - date: 202${3 + (i % 3)}年${(i % 12) + 1}月\n        label: ${pick(PRODUCTS)}發布\n        detail: ${pick(PHRASES)}`).join('\n')}\n${notes}`;
    case 'comparison':
      return `  - layout: comparison\n    title: ${pick(PHRASES)}\n    left:\n      heading: 過去\n      bullets:\n        - ${pick(PHRASES)}\n        - ${pick(PHRASES)}\n    right:\n      heading: 現在\n      bullets:\n        - ${pick(PHRASES)}\n        - '${d.mention}'\n${notes}`;
    default:
      return `  - layout: takeaways\n    title: 這意味著什麼\n    points:\n${Array.from({ length: int(2, 4) }, () => `      - heading: ${pick(PHRASES).slice(0, 6)}\n        text: ${pick(PHRASES)}`).join('\n')}\n${notes}`;
  }
}
