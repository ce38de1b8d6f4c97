import { describe, expect, it } from 'vitest';
import { altText } from '../../src/charts/plan-charts.js';
import type { ChartRequest } from '../../src/charts/types.js';
import { DECK, HALF, PORTRAIT, request, WIDE } from './fixtures.js';
import { clipped, draw, overlaps, resolved, textBoxes, zhTW } from './helpers.js';

type Series = { type: string; data?: unknown[]; name?: string };
const seriesOf = (option: { series?: unknown }) => (option.series ?? []) as Series[];

/** Every kind, in the boxes a slide gives it: labels all drawn, none clipped, none overlapping. */
const cases: [string, ChartRequest, { width: number; height: number }, string[]][] = [
  ['web ranking (ranks only)', request('ranking', 'a16z.web', { highlight: 'china' }), HALF, ['#2 DeepSeek', '#10 豆包', '#11 月之暗面', '#12 海螺視頻', '#20 可靈']],
  [
    'mobile ranking (with "top 10")',
    request('ranking', 'a16z.mobile', { highlight: 'china' }),
    HALF,
    ['#1 ChatGPT', '#4 百度AI搜索', '#14 DeepSeek', '#17 美圖', '前10 夸克', '前10 豆包', '名次未公布', '中國產品', '其他'],
  ],
  ['web ranking in a portrait box', request('ranking', 'a16z.web', { highlight: 'china' }), PORTRAIT, ['#2 DeepSeek', '#10 豆包', '#11 月之暗面', '#12 海螺視頻', '#20 可靈']],
  [
    'mobile ranking in a portrait box',
    request('ranking', 'a16z.mobile', { highlight: 'china' }),
    PORTRAIT,
    ['#1 ChatGPT', '#4 百度AI搜索', '#14 DeepSeek', '#17 美圖', '夸克', '豆包', '前10名（名次', '中國產品', '其他'],
  ],
  ['web ranking with changes', request('ranking', 'a16z.web', { highlight: 'china', changes: true }), WIDE, ['#2 DeepSeek', 'NEW', '▲5', '▼2', '—']],
  ["web ranking in the deck's box", request('ranking', 'a16z.web', { highlight: 'china' }), DECK, ['#2 DeepSeek', '#10 豆包', '#11 月之暗面', '#12 海螺視頻', '#20 可靈', '#1', '#50']],
  [
    "mobile ranking in the deck's box",
    request('ranking', 'a16z.mobile', { highlight: 'china' }),
    DECK,
    ['#1 ChatGPT', '#4 百度AI搜索', '前10 夸克', '前10 豆包', '名次未公布', '#14 DeepSeek', '#17 美圖', '中國產品', '其他'],
  ],
  ['scored ranking', request('ranking', 'demo.scored', { highlight: 'china' }), HALF, ['#1 ChatGPT', '52億次', '#10 豆包', '4500萬次']],
  [
    'rank change',
    request('rank-change', 'a16z.web', { highlight: 'china' }),
    HALF,
    ['2024年8月', '2025年3月', '月之暗面 #9', '#11 月之暗面', '▼2', '#2 DeepSeek', 'NEW', '美圖秀秀 #30', '2025年3月未列出：美圖秀秀'],
  ],
  ["rank change in the deck's box", request('rank-change', 'a16z.web', { highlight: 'china' }), DECK, ['2024年8月', '2025年3月', '豆包 #15', '#10 豆包', '▲5', '美圖秀秀 #30']],
  ['comparison', request('comparison', 'ai.capex'), HALF, ['阿里巴巴（未來3年）', '超過3800億元', '字節跳動（2025年）', '1600億元', '注：各項期間不同']],
  ['breakdown', request('breakdown', 'ai.capex'), WIDE, ['AI算力採購', '約900億元', 'IDC基建及網絡設備', '700億元', '字節跳動（2025年）', '1600億元']],
  ['share', request('share', 'threem.survey', { highlight: 'china' }), { width: 6, height: 3 }, ['中國受訪者', '90%', '全球受訪者', '77%', '100%']],
];

describe.each(cases)('%s', (_name, req, box, labels) => {
  it('builds the same option as before', async () => {
    const { option } = await draw(req, box);
    expect(option).toMatchSnapshot();
  });

  it('draws its labels, inside the chart and apart', async () => {
    const { svg, problems, ctx } = await draw(req, box);
    expect(problems).toEqual([]);
    const boxes = textBoxes(svg);
    const all = boxes.map((b) => b.text).join('\n');
    for (const label of labels) expect(all).toContain(label);
    expect(clipped(boxes, ctx.width, ctx.height)).toEqual([]);
    expect(overlaps(boxes)).toEqual([]);
  });

  it('writes text at 14 px or more', async () => {
    const { svg } = await draw(req, box);
    const sizes = [...svg.matchAll(/font-size:([\d.]+)px/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
  });
});

describe('ranking', () => {
  it('in a portrait box, puts #1 on top: an inverted rank axis from 1 to the list size', async () => {
    const { option } = await draw(request('ranking', 'a16z.web'), PORTRAIT);
    expect(option.yAxis).toMatchObject({ type: 'value', inverse: true, min: 1, max: 50 });
  });

  it('never draws a bare rank as bar length', async () => {
    for (const id of ['a16z.web', 'a16z.mobile']) {
      const { option } = await draw(request('ranking', id, { highlight: 'china' }), HALF);
      expect(seriesOf(option).filter((s) => s.type === 'bar')).toEqual([]);
      // Dots sit at their rank on the rank axis.
      const dots = seriesOf(option)
        .filter((s) => s.type === 'scatter')
        .flatMap((s) => (s.data ?? []) as { name: string; value: [number, number] }[]);
      expect(dots.length).toBeGreaterThan(0);
      for (const d of dots) expect(typeof d.value[1]).toBe('number');
    }
  });

  it('in a portrait box, shows "top 10" entries in a bracket beside the axis, not at a rank', async () => {
    const { option } = await draw(request('ranking', 'a16z.mobile', { highlight: 'china' }), PORTRAIT);
    const dots = seriesOf(option).flatMap((s) => (s.type === 'scatter' ? ((s.data ?? []) as { name: string }[]) : []));
    expect(dots.map((d) => d.name)).toEqual(['百度AI搜索', 'DeepSeek', '美圖', 'ChatGPT']);
    const text = JSON.stringify(option.graphic).replace(/\{\w+\||\}|\\n/g, '');
    expect(text).toContain('夸克、豆包');
    expect(text).toContain('前10名（名次未公布）');
  });

  it('in a wide box, lists entries in rank order, #1 on top, each a dot at its rank on a #1…#50 track', async () => {
    const { option } = await draw(request('ranking', 'a16z.mobile', { highlight: 'china' }), DECK);
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true });
    const rows = (option.yAxis as { data: string[] }).data.map((l) => l.replace(/\{\w+\|([^}]*)\}/g, '$1'));
    expect(rows).toEqual(['#1 ChatGPT', '#4 百度AI搜索', '前10 夸克', '前10 豆包', '#14 DeepSeek', '#17 美圖']);
    expect(option.xAxis).toMatchObject({ type: 'value', min: 1, max: 50 });
    expect(seriesOf(option).filter((s) => s.type === 'bar')).toEqual([]);
    const dots = seriesOf(option)
      .filter((s) => s.type === 'scatter' && s.name !== 'bracket')
      .flatMap((s) => (s.data ?? []) as { name: string; value: [number, number] }[]);
    // A dot only where a rank is published: [rank, row].
    expect(dots.map((d) => [d.name, ...d.value]).sort((a, b) => Number(a[2]) - Number(b[2]))).toEqual([
      ['ChatGPT', 1, 0],
      ['百度AI搜索', 4, 1],
      ['DeepSeek', 14, 4],
      ['美圖', 17, 5],
    ]);
  });

  it('orders bars by rank, #1 first on an inverted category axis, when every entry has a score', async () => {
    const { option } = await draw(request('ranking', 'demo.scored'), HALF);
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true });
    const cats = (option.yAxis as { data: { value: string }[] }).data.map((d) => d.value);
    expect(cats).toEqual(['#1 ChatGPT', '#2 DeepSeek', '#3 Character.ai', '#10 豆包']);
    const bars = seriesOf(option).filter((s) => s.type === 'bar');
    expect(bars).toHaveLength(1);
    expect(((bars[0]?.data ?? []) as { value: number }[]).map((d) => d.value)).toEqual([5_200_000_000, 520_000_000, 180_000_000, 45_000_000]);
  });

  it('colours the highlight group with the accent and the rest subdued', async () => {
    for (const box of [HALF, PORTRAIT]) {
      const { option } = await draw(request('ranking', 'a16z.mobile', { highlight: 'china' }), box);
      const dots = seriesOf(option).filter((x) => x.type === 'scatter' && x.name !== 'bracket') as (Series & { itemStyle: { color: string } })[];
      const [china, rest] = dots;
      expect(china?.name).toBe('中國產品');
      expect(china?.itemStyle.color).toBe('#C8102E');
      expect(rest?.name).toBe('其他');
      expect(rest?.itemStyle.color).not.toBe('#C8102E');
    }
  });

  it('reports labels that cannot fit the box', async () => {
    for (const box of [
      { width: 2.5, height: 1 },
      { width: 1.5, height: 2.5 },
    ]) {
      const { problems } = await draw(request('ranking', 'a16z.mobile'), box);
      expect(problems.length).toBeGreaterThan(0);
    }
  });
});

describe('alt text', () => {
  it('states the ranking, "top 10" entries honestly', () => {
    expect(altText(resolved(request('ranking', 'a16z.web', { highlight: 'china' })), zhTW)).toBe(
      'a16z 2025年3月〈前50大AI原生網頁產品〉，依Similarweb月獨立訪問量。名次：DeepSeek 第2，豆包 第10，月之暗面 第11，海螺視頻 第12，可靈 第20。僅列出來源提及的名次。以上均屬「中國產品」。',
    );
    expect(altText(resolved(request('ranking', 'a16z.mobile', { highlight: 'china' })), zhTW)).toBe(
      'a16z 2025年3月〈前50大AI原生移動應用〉，依Sensor Tower月活躍用戶。名次：ChatGPT 第1，百度AI搜索 第4，DeepSeek 第14，美圖 第17；夸克、豆包 在前10名（名次未公布）。僅列出來源提及的名次。其中屬「中國產品」：百度AI搜索、夸克、豆包、DeepSeek、美圖。',
    );
  });

  it('states changes, amounts with their periods, parts and shares', () => {
    expect(altText(resolved(request('ranking', 'a16z.web', { changes: true })), zhTW)).toContain('豆包 第10（較2024年8月上升5名）');
    expect(altText(resolved(request('rank-change', 'a16z.web')), zhTW)).toBe(
      'a16z〈前50大AI原生網頁產品〉，依Similarweb月獨立訪問量。名次變化（2024年8月→2025年3月）：DeepSeek 第2（新上榜），豆包 第15→第10（上升5名），月之暗面 第9→第11（下降2名），海螺視頻 第12（新上榜），可靈 第20→第20（名次不變）；本期未列出：美圖秀秀（上期第30）。',
    );
    expect(altText(resolved(request('comparison', 'ai.capex')), zhTW)).toBe(
      '大廠AI基礎設施投入：阿里巴巴（未來3年）超過3800億元；字節跳動（2025年）1600億元。各項期間不同（未來3年、2025年），數額不宜直接相比。',
    );
    expect(altText(resolved(request('breakdown', 'ai.capex')), zhTW)).toBe('字節跳動（2025年）1600億元，其中：AI算力採購 約900億元，IDC基建及網絡設備 700億元。');
    expect(altText(resolved(request('share', 'threem.survey')), zhTW)).toBe('認為AI將從根本上改變世界的受訪者：中國受訪者90%；全球受訪者77%。');
  });
});
