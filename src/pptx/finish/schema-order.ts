import type { XmlEdit } from '../opc/parts.js';
import { CHART_PART, PRESENTATION_PART } from '../opc/part-names.js';
import { childElements, createElement, descendants, firstChild, prefixOf, withoutWhitespace, type XmlElement, type XmlNode } from '../xml/xml.js';

/**
 * Child sequences from the ISO/IEC 29500-4 transitional schemas (pml.xsd, dml-chart.xsd), for
 * the elements pptxgenjs writes out of order. Names in one inner array share a place (an
 * `xsd:choice`).
 */
type Sequence = readonly (string | readonly string[])[];

const PRESENTATION: Sequence = [
  'sldMasterIdLst',
  'notesMasterIdLst',
  'handoutMasterIdLst',
  'sldIdLst',
  'sldSz',
  'notesSz',
  'smartTags',
  'embeddedFontLst',
  'custShowLst',
  'photoAlbum',
  'custDataLst',
  'kinsoku',
  'defaultTextStyle',
  'modifyVerifier',
  'extLst',
];

const SER_SHARED = ['idx', 'order', 'tx', 'spPr'];
const SERIES: Readonly<Record<string, Sequence>> = {
  barChart: [...SER_SHARED, 'invertIfNegative', 'pictureOptions', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'shape', 'extLst'],
  bar3DChart: [...SER_SHARED, 'invertIfNegative', 'pictureOptions', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'shape', 'extLst'],
  lineChart: [...SER_SHARED, 'marker', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'smooth', 'extLst'],
  line3DChart: [...SER_SHARED, 'marker', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'smooth', 'extLst'],
  pieChart: [...SER_SHARED, 'explosion', 'dPt', 'dLbls', 'cat', 'val', 'extLst'],
  pie3DChart: [...SER_SHARED, 'explosion', 'dPt', 'dLbls', 'cat', 'val', 'extLst'],
  doughnutChart: [...SER_SHARED, 'explosion', 'dPt', 'dLbls', 'cat', 'val', 'extLst'],
  areaChart: [...SER_SHARED, 'pictureOptions', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'extLst'],
  area3DChart: [...SER_SHARED, 'pictureOptions', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'extLst'],
  scatterChart: [...SER_SHARED, 'marker', 'dPt', 'dLbls', 'trendline', 'errBars', 'xVal', 'yVal', 'smooth', 'extLst'],
  radarChart: [...SER_SHARED, 'marker', 'dPt', 'dLbls', 'cat', 'val', 'extLst'],
  bubbleChart: [...SER_SHARED, 'invertIfNegative', 'dPt', 'dLbls', 'trendline', 'errBars', 'xVal', 'yVal', 'bubbleSize', 'bubble3D', 'extLst'],
};

const CHART_GROUPS: Readonly<Record<string, Sequence>> = {
  barChart: ['barDir', 'grouping', 'varyColors', 'ser', 'dLbls', 'gapWidth', 'overlap', 'serLines', 'axId', 'extLst'],
  bar3DChart: ['barDir', 'grouping', 'varyColors', 'ser', 'dLbls', 'gapWidth', 'gapDepth', 'shape', 'axId', 'extLst'],
  lineChart: ['grouping', 'varyColors', 'ser', 'dLbls', 'dropLines', 'hiLowLines', 'upDownBars', 'marker', 'smooth', 'axId', 'extLst'],
  line3DChart: ['grouping', 'varyColors', 'ser', 'dLbls', 'dropLines', 'gapDepth', 'axId', 'extLst'],
  pieChart: ['varyColors', 'ser', 'dLbls', 'firstSliceAng', 'extLst'],
  pie3DChart: ['varyColors', 'ser', 'dLbls', 'extLst'],
  doughnutChart: ['varyColors', 'ser', 'dLbls', 'firstSliceAng', 'holeSize', 'extLst'],
  areaChart: ['grouping', 'varyColors', 'ser', 'dLbls', 'dropLines', 'axId', 'extLst'],
  area3DChart: ['grouping', 'varyColors', 'ser', 'dLbls', 'dropLines', 'gapDepth', 'axId', 'extLst'],
  scatterChart: ['scatterStyle', 'varyColors', 'ser', 'dLbls', 'axId', 'extLst'],
  radarChart: ['radarStyle', 'varyColors', 'ser', 'dLbls', 'axId', 'extLst'],
  bubbleChart: ['varyColors', 'ser', 'dLbls', 'bubble3D', 'bubbleScale', 'showNegBubbles', 'sizeRepresents', 'axId', 'extLst'],
};

/** How many `c:axId` each 2-D chart group may have (3-D groups may have a series axis too). */
const MAX_AXIS_IDS: Readonly<Record<string, number>> = {
  barChart: 2,
  lineChart: 2,
  areaChart: 2,
  scatterChart: 2,
  radarChart: 2,
  bubbleChart: 2,
};

/** Chart groups whose `c:grouping` is required: pptxgenjs leaves it out of line charts. */
const DEFAULT_GROUPING: Readonly<Record<string, string>> = { lineChart: 'standard', line3DChart: 'standard', areaChart: 'standard', area3DChart: 'standard' };

const DLBL_SHARED = ['numFmt', 'spPr', 'txPr', 'dLblPos', 'showLegendKey', 'showVal', 'showCatName', 'showSerName', 'showPercent', 'showBubbleSize', 'separator'];
const AX_SHARED = [
  'axId',
  'scaling',
  'delete',
  'axPos',
  'majorGridlines',
  'minorGridlines',
  'title',
  'numFmt',
  'majorTickMark',
  'minorTickMark',
  'tickLblPos',
  'spPr',
  'txPr',
  'crossAx',
  ['crosses', 'crossesAt'],
];
const CHART_ELEMENTS: Readonly<Record<string, Sequence>> = {
  chartSpace: ['date1904', 'lang', 'roundedCorners', 'style', 'clrMapOvr', 'pivotSource', 'protection', 'chart', 'spPr', 'txPr', 'externalData', 'printSettings', 'userShapes', 'extLst'],
  chart: ['title', 'autoTitleDeleted', 'pivotFmts', 'view3D', 'floor', 'sideWall', 'backWall', 'plotArea', 'legend', 'plotVisOnly', 'dispBlanksAs', 'showDLblsOverMax', 'extLst'],
  plotArea: ['layout', Object.keys(CHART_GROUPS).concat(['stockChart', 'ofPieChart', 'surfaceChart', 'surface3DChart']), ['valAx', 'catAx', 'dateAx', 'serAx'], 'dTable', 'spPr', 'extLst'],
  dLbls: ['dLbl', 'delete', ...DLBL_SHARED, 'showLeaderLines', 'leaderLines', 'extLst'],
  dLbl: ['idx', 'delete', 'layout', 'tx', ...DLBL_SHARED, 'extLst'],
  catAx: [...AX_SHARED, 'auto', 'lblAlgn', 'lblOffset', 'tickLblSkip', 'tickMarkSkip', 'noMultiLvlLbl', 'extLst'],
  valAx: [...AX_SHARED, 'crossBetween', 'majorUnit', 'minorUnit', 'dispUnits', 'extLst'],
  dateAx: [...AX_SHARED, 'auto', 'lblOffset', 'baseTimeUnit', 'majorUnit', 'majorTimeUnit', 'minorUnit', 'minorTimeUnit', 'extLst'],
  serAx: [...AX_SHARED, 'tickLblSkip', 'tickMarkSkip', 'extLst'],
  legend: ['legendPos', 'legendEntry', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'],
  title: ['tx', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'],
  scaling: ['logBase', 'orientation', 'max', 'min', 'extLst'],
  marker: ['symbol', 'size', 'spPr', 'extLst'],
  dPt: ['idx', 'invertIfNegative', 'marker', 'bubble3D', 'explosion', 'spPr', 'pictureOptions', 'extLst'],
};

/**
 * Reorders the children of `el` (all in namespace prefix `prefix`) into `sequence`; children of
 * that namespace the sequence does not allow are dropped, others (extensions) keep their place
 * after the element before them.
 */
export function orderChildren(el: XmlElement, prefix: string, sequence: Sequence): void {
  const rankOf = new Map<string, number>();
  sequence.forEach((entry, rank) => {
    for (const local of typeof entry === 'string' ? [entry] : entry) rankOf.set(`${prefix}:${local}`, rank);
  });
  let previous = -1;
  const ranked: { node: XmlNode; rank: number; position: number }[] = [];
  withoutWhitespace(el.children).forEach((node, position) => {
    const rank = node.kind === 'element' ? rankOf.get(node.name) : undefined;
    if (node.kind === 'element' && rank === undefined && prefixOf(node.name) === prefix) return;
    if (rank !== undefined) previous = rank;
    ranked.push({ node, rank: rank ?? previous, position });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.position - b.position);
  el.children = ranked.map((r) => r.node);
}

/** `presentation.xml`: pptxgenjs writes `p:notesMasterIdLst` after `p:sldIdLst`. */
export const repairPresentationOrderEdit: XmlEdit = {
  select: (name) => name === PRESENTATION_PART,
  edit: (doc) => {
    if (doc.root.name === 'p:presentation') orderChildren(doc.root, 'p', PRESENTATION);
  },
};

/**
 * Native charts: pptxgenjs writes three `c:axId` in 2-D bar charts, no `c:grouping` in line
 * charts, `c:invertIfNegative` in line series, `c:marker` after `c:dLbls`, and empty `c:ext`
 * (an extension must hold an element) in scatter labels. Puts every chart element it knows in
 * schema order and fills in what the schema requires.
 */
export const repairChartSchemaEdit: XmlEdit = {
  select: (name) => CHART_PART.test(name),
  edit: (doc) => {
    removeEmptyExtensions(doc.root);
    for (const el of descendants(doc.root)) {
      const local = el.name.startsWith('c:') ? el.name.slice(2) : undefined;
      if (local === undefined) continue;
      const group = CHART_GROUPS[local];
      if (group) {
        repairChartGroup(el, local, group);
        continue;
      }
      const sequence = CHART_ELEMENTS[local];
      if (sequence && !(local === 'marker' && !isSeriesMarker(el))) orderChildren(el, 'c', sequence);
    }
  },
};

function repairChartGroup(group: XmlElement, local: string, sequence: Sequence): void {
  const grouping = DEFAULT_GROUPING[local];
  if (grouping !== undefined && !firstChild(group, 'c:grouping')) {
    group.children.unshift(createElement('c:grouping', { val: grouping }));
  }
  const maxAxes = MAX_AXIS_IDS[local];
  if (maxAxes !== undefined) {
    const extra = new Set(childElements(group, 'c:axId').slice(maxAxes));
    group.children = group.children.filter((c) => !(c.kind === 'element' && extra.has(c)));
  }
  orderChildren(group, 'c', sequence);
  const seriesSequence = SERIES[local];
  if (seriesSequence) for (const ser of childElements(group, 'c:ser')) orderChildren(ser, 'c', seriesSequence);
}

/** `c:marker` is also a boolean flag directly in `c:lineChart` (`<c:marker val="1"/>`). */
function isSeriesMarker(el: XmlElement): boolean {
  return el.children.some((c) => c.kind === 'element');
}

/** Drops `c:ext` without content, then `c:extLst` left empty. */
function removeEmptyExtensions(root: XmlElement): void {
  for (const extLst of descendants(root, 'c:extLst')) {
    extLst.children = extLst.children.filter((c) => !(c.kind === 'element' && c.name === 'c:ext' && childElements(c).length === 0));
  }
  for (const el of descendants(root)) {
    el.children = el.children.filter((c) => !(c.kind === 'element' && c.name === 'c:extLst' && childElements(c).length === 0));
  }
}
