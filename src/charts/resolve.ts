import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DataStore } from '../data/types.js';
import type { Fail } from './kinds/kind-spec.js';
import { chartKind, type ResolvedChart } from './kinds/registry.js';
import { fieldAt } from './resolve/fields.js';
import { list, suggest } from './resolve/hints.js';
import type { ChartRequest } from './types.js';

export type { ResolvedChart } from './kinds/registry.js';
export { fieldAt } from './resolve/fields.js';

/**
 * Checks a request against the data: the dataset exists and is of the type the kind draws, then
 * whatever the kind checks (editions, items, highlight). Problems come back as diagnostics at
 * the field that is wrong (else `request.origin`), each with a hint that lists what does exist.
 */
export function resolveChart(request: ChartRequest, data: DataStore): { chart?: ResolvedChart; diagnostics: Diagnostic[] } {
  const fail: Fail = (code, message, hint, at) => ({ diagnostics: [error(code, message, at ?? request.origin, hint)] });
  const dataset = data.get(request.data);
  if (!dataset) {
    const ids = [...data.keys()];
    return fail('CHART_UNKNOWN_DATASET', `no dataset '${request.data}'`, suggest(request.data, ids, 'datasets'), fieldAt(request, 'data'));
  }
  const kind = chartKind(request.kind);
  const wants = kind.wants;
  if (dataset.type !== wants) {
    const fitting = [...data.values()].filter((d) => d.type === wants).map((d) => d.id);
    return fail(
      'CHART_WRONG_DATASET_TYPE',
      `a ${request.kind} chart draws a ${wants} dataset; '${dataset.id}' is a ${dataset.type} dataset`,
      fitting.length ? `${wants} datasets: ${list(fitting)}` : `there are no ${wants} datasets`,
      fieldAt(request, 'data'),
    );
  }
  return kind.resolve(request, dataset, fail);
}
