import { describe, expect, it } from 'vitest';
import { citation } from '../../src/data/citation.js';
import { fieldAt, type FiguresDataset } from '../../src/data/types.js';
import { noteChartUses, noteCitation, type ValueUses } from '../../src/data/uses.js';

const origin = { file: 'data/capex.yaml', range: [10, 20] as const, fields: { asOf: { file: 'data/capex.yaml', range: [14, 18] as const } } };
const capex: FiguresDataset = {
  type: 'figures',
  id: 'capex.spending',
  title: '資本開支',
  asOf: '2025-02-24',
  origin,
  source: { publisher: '阿里巴巴集團', title: '財報', via: '聽筒Tech〈分析〉' },
  items: [{ key: 'alibaba', label: '阿里巴巴', value: 380000000000, unit: '元', qualifier: '>', period: '未來3年', origin: { file: 'data/capex.yaml' } }],
};

describe('citation', () => {
  it('formats a dataset’s source with its date and how it reached the deck', () => {
    expect(citation(capex)).toBe('阿里巴巴集團《財報》，2025年2月24日（據聽筒Tech〈分析〉）');
    expect(citation({ ...capex, source: { publisher: 'a16z', title: '榜單' }, asOf: '2025-03' })).toBe('a16z《榜單》，2025年3月');
  });
});

describe('uses, passed explicitly', () => {
  it('records a citation and a chart’s values in the map it is given', () => {
    const uses: ValueUses = new Map();
    noteCitation(uses, capex);
    noteChartUses(uses, capex, {});
    expect(Object.fromEntries(uses)).toEqual({ 'capex.spending: source': citation(capex), 'capex.spending: alibaba': '>3800億元（未來3年）' });
  });
});

describe('fieldAt', () => {
  it('is the field’s own place when load recorded it, else the value’s, without the field table', () => {
    expect(fieldAt(capex, 'asOf')).toEqual({ file: 'data/capex.yaml', range: [14, 18] });
    expect(fieldAt(capex, 'title')).toEqual({ file: 'data/capex.yaml', range: [10, 20] });
  });
});
