import type { SourceRef } from '../../diagnostics/diagnostic.js';
import type { ChartRequest, ChartRequestField } from '../types.js';

/** Where a field of the request was written, when the outline stage says; else the request's origin. */
export function fieldAt(request: ChartRequest, field: ChartRequestField): SourceRef {
  return request.fieldOrigins?.[field] ?? request.origin;
}

/** Where the `index`th of `items` was written, else the `items` field, else the request. */
export function itemAt(request: ChartRequest, index: number): SourceRef {
  return request.itemOrigins?.[index] ?? fieldAt(request, 'items');
}

/** `base` with the request's `highlight` and `title`, when it has them. */
export function withOptional<T extends object>(base: T, request: ChartRequest): T & { highlight?: string; title?: string } {
  const out: T & { highlight?: string; title?: string } = { ...base };
  if (request.highlight !== undefined) out.highlight = request.highlight;
  if (request.title !== undefined) out.title = request.title;
  return out;
}
