import { z } from 'zod';
import { dataFileSchema } from '../load/data/schema.js';
import { outlineSchema } from '../load/outline/schema.js';
import { themeSchema } from '../load/theme/load-theme.js';

/**
 * The JSON Schemas that editors use to autocomplete and underline outlines and data files,
 * generated from the same zod schemas that validate them (`schema/*.schema.json` are these,
 * written by `npm run schema`; a test keeps them in step).
 */
export function jsonSchemas(): Record<'outline' | 'data' | 'theme', string> {
  const render = (schema: z.ZodType, id: string, title: string) => `${JSON.stringify({ ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), $id: id, title }, null, 2)}\n`;
  return {
    outline: render(outlineSchema, 'https://briefdeck.dev/schema/outline.schema.json', 'briefdeck outline'),
    data: render(dataFileSchema, 'https://briefdeck.dev/schema/data.schema.json', 'briefdeck data file'),
    theme: render(themeSchema, 'https://briefdeck.dev/schema/theme.schema.json', 'briefdeck theme'),
  };
}
