/**
 * How deep Handlebars blocks (`{{#if}}…{{/if}}`), sub-expressions and partial includes may
 * nest. Real templates nest two or three levels; Handlebars' parser slows down with depth and
 * overflows the stack at a few thousand, so deeper text is refused before it is parsed.
 */
export const MAX_TEMPLATE_DEPTH = 32;

/**
 * The offset of the `{{` (or `(`) where blocks and sub-expressions first nest deeper than
 * `max`, read from the text alone so that nothing deep reaches the parser; `undefined` when
 * they stay within it. Comments and escaped `\{{` are skipped.
 */
export function tooDeepAt(template: string, max = MAX_TEMPLATE_DEPTH): number | undefined {
  let depth = 0;
  const mustache = /\\\{\{|\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|\{\{([\s\S]*?)\}\}/g;
  for (let m = mustache.exec(template); m; m = mustache.exec(template)) {
    const body = m[1];
    if (body === undefined) continue;
    const head = body.replace(/^\{*~?\s*/, '');
    if ((head.startsWith('#') || (head.startsWith('^') && head.slice(1).trim() !== '' && head.slice(1).trim() !== '~')) && ++depth > max) return m.index;
    if (head.startsWith('/')) depth = Math.max(0, depth - 1);
    let parens = 0;
    for (let i = 0; i < body.length; i++) {
      if (body[i] === '(' && depth + ++parens > max) return m.index + 2 + i;
      if (body[i] === ')') parens = Math.max(0, parens - 1);
    }
  }
  return undefined;
}

/** The deepest nesting of blocks and sub-expressions in a parsed template, walked with a stack. */
export function astDepth(ast: hbs.AST.Program): number {
  let deepest = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: ast, depth: 0 }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { node, depth } = top;
    if (!node || typeof node !== 'object') continue;
    const type = (node as { type?: string }).type;
    const here = type === 'BlockStatement' || type === 'SubExpression' || type === 'PartialBlockStatement' ? depth + 1 : depth;
    deepest = Math.max(deepest, here);
    for (const [k, v] of Object.entries(node)) {
      if (k === 'loc') continue;
      if (Array.isArray(v)) for (const x of v) stack.push({ node: x, depth: here });
      else if (v && typeof v === 'object') stack.push({ node: v, depth: here });
    }
  }
  return deepest;
}
