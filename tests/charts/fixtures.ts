import type { ChartRequest } from '../../src/charts/types.js';
import type { DataStore, FigureItem, RankingDataset, RankingEntry } from '../../src/data/types.js';
import type { Theme } from '../../src/load/theme/theme.js';

/** The default deck's figures, as the article it briefs on gives them. */
const file = 'outline/data/briefing.yaml';
const at = (n: number) => ({ file, range: [n, n + 1] as const });

const citation = { publisher: 'a16z', title: 'Top 100 Gen AI Consumer Apps (4th edition)', via: '據聽筒Tech〈…〉引述' };

function entry(name: string, place: { rank?: number; within?: number }, group?: string, score?: number): RankingEntry {
  const e: RankingEntry = { name, origin: at(name.length) };
  if (place.rank !== undefined) e.rank = place.rank;
  if (place.within !== undefined) e.within = place.within;
  if (group !== undefined) e.group = group;
  if (score !== undefined) e.score = score;
  return e;
}

export const web: RankingDataset = {
  type: 'ranking',
  id: 'a16z.web',
  title: '前50大AI原生網頁產品',
  size: 50,
  basis: 'Similarweb月獨立訪問量',
  groups: { china: { label: '中國產品' } },
  source: citation,
  editions: [
    {
      asOf: '2025-03',
      entries: [
        entry('DeepSeek', { rank: 2 }, 'china'),
        entry('豆包', { rank: 10 }, 'china'),
        entry('月之暗面', { rank: 11 }, 'china'),
        entry('海螺視頻', { rank: 12 }, 'china'),
        entry('可靈', { rank: 20 }, 'china'),
      ],
      origin: at(100),
    },
    // NOT from the article (it names no earlier ranks): a made-up earlier edition for rank-change tests.
    {
      asOf: '2024-08',
      entries: [entry('豆包', { rank: 15 }, 'china'), entry('可靈', { rank: 20 }, 'china'), entry('月之暗面', { rank: 9 }, 'china'), entry('美圖秀秀', { rank: 30 }, 'china')],
      origin: at(200),
    },
  ],
  origin: at(1),
};

export const mobile: RankingDataset = {
  type: 'ranking',
  id: 'a16z.mobile',
  title: '前50大AI原生移動應用',
  size: 50,
  basis: 'Sensor Tower月活躍用戶',
  groups: { china: { label: '中國產品' } },
  source: citation,
  editions: [
    {
      asOf: '2025-03',
      entries: [
        entry('ChatGPT', { rank: 1 }),
        entry('百度AI搜索', { rank: 4 }, 'china'),
        entry('DeepSeek', { rank: 14 }, 'china'),
        entry('美圖', { rank: 17 }, 'china'),
        entry('夸克', { within: 10 }, 'china'),
        entry('豆包', { within: 10 }, 'china'),
      ],
      origin: at(300),
    },
    // As in the deck's data: the article describes the previous edition but names no ranks.
    { asOf: '2024-08', entries: [], note: '上一期榜單中，中國產品僅有字節和美圖秀秀的幾款產品位列其中。', origin: at(350) },
  ],
  origin: at(2),
};

/** Made up: a ranking with scores, to draw bars whose length is the score. */
export const scored: RankingDataset = {
  type: 'ranking',
  id: 'demo.scored',
  title: '示例：月訪問量排名',
  size: 50,
  basis: '月訪問量',
  scoreUnit: '次',
  groups: { china: { label: '中國產品' } },
  source: { publisher: '示例', title: '示例數據' },
  editions: [
    {
      asOf: '2025-03',
      entries: [
        entry('ChatGPT', { rank: 1 }, undefined, 5_200_000_000),
        entry('DeepSeek', { rank: 2 }, 'china', 520_000_000),
        entry('Character.ai', { rank: 3 }, undefined, 180_000_000),
        entry('豆包', { rank: 10 }, 'china', 45_000_000),
      ],
      origin: at(400),
    },
  ],
  origin: at(3),
};

function item(key: string, label: string, value: number, unit: string, extra: Partial<FigureItem> = {}): FigureItem {
  return { key, label, value, unit, qualifier: '=', origin: at(key.length), ...extra };
}

export const capex = {
  type: 'figures' as const,
  id: 'ai.capex',
  title: '大廠AI基礎設施投入',
  asOf: '2025-02',
  source: { publisher: '聽筒Tech', title: '國產大模型' },
  items: [
    item('alibaba', '阿里巴巴', 380_000_000_000, '元', { qualifier: '>', period: '未來3年' }),
    item('bytedance', '字節跳動', 160_000_000_000, '元', { period: '2025年' }),
    item('compute', 'AI算力採購', 90_000_000_000, '元', { qualifier: '~', parent: 'bytedance', period: '2025年' }),
    item('idc', 'IDC基建及網絡設備', 70_000_000_000, '元', { parent: 'bytedance', period: '2025年' }),
  ],
  origin: at(4),
};

export const survey = {
  type: 'figures' as const,
  id: 'threem.survey',
  title: '認為AI將從根本上改變世界的受訪者',
  asOf: '2024',
  source: { publisher: '3M', title: '2024年度科學現狀指數' },
  items: [item('china', '中國受訪者', 90, '%'), item('global', '全球受訪者', 77, '%')],
  origin: at(5),
};

export const data: DataStore = new Map<string, RankingDataset | typeof capex | typeof survey>([
  [web.id, web],
  [mobile.id, mobile],
  [scored.id, scored],
  [capex.id, capex],
  [survey.id, survey],
]);

/** templates/themes/default.yaml, copied so the snapshots do not move when the theme does. */
export const theme: Theme = {
  name: 'default',
  colors: {
    background: 'FFFFFF',
    text: '1B2333',
    muted: '5B6577',
    accent: 'C8102E',
    accent2: '2F5D8A',
    subdued: '9AA5B4',
    grid: 'E3E7ED',
    darkBackground: '14213D',
    darkText: 'FFFFFF',
    up: '2E7D32',
    down: 'C8102E',
    card: 'F3F5F8',
    onDarkMuted: 'B8C4D6',
    onDarkAccent: 'E8364F',
  },
  fonts: {
    latin: 'Arial',
    eastAsian: 'Microsoft JhengHei',
    chartRegular: 'node_modules/@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
    chartBold: 'node_modules/@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf',
    chartFamily: 'Noto Sans TC',
  },
  sizes: { title: 40, sectionTitle: 40, heading: 28, body: 20, small: 14, figure: 54, quote: 26, footer: 10, min: 10 },
};

export const origin = { file: 'outline/briefing.yaml', range: [120, 160] as const };

export function request(kind: ChartRequest['kind'], dataId: string, extra: Partial<ChartRequest> = {}): ChartRequest {
  return { kind, data: dataId, render: 'echarts', origin, ...extra };
}

/** A half-slide box (two charts side by side), a full-width one, and the default deck's chart box, in inches. */
export const HALF = { width: 6, height: 4.6 };
export const WIDE = { width: 12.3, height: 4.8 };
export const DECK = { width: 12.133, height: 4.25 };
/** A column beside text. */
export const PORTRAIT = { width: 4.2, height: 5 };
