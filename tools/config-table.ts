import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { EnvSchema } from '../src/config/env.js';

/**
 * The README's configuration table, printed from `src/config/env.ts`: one row per variable of
 * `EnvSchema`, its default (what the schema gives for an unset variable, or the comment's
 * `@default`) and its doc comment. A variable without a doc comment stops the build of the table:
 * every setting is documented where it is defined.
 */
const ENV_FILE = new URL('../src/config/env.ts', import.meta.url);

interface VariableDoc {
  name: string;
  meaning: string;
  defaultText: string | null;
}

/** The doc comment of each property of `EnvSchema = z.object({ … })`, in source order. */
function variableDocs(): VariableDoc[] {
  const source = ts.createSourceFile('env.ts', readFileSync(ENV_FILE, 'utf8'), ts.ScriptTarget.ES2022, true);
  let properties: ts.NodeArray<ts.ObjectLiteralElementLike> | undefined;
  source.forEachChild(function visit(node): void {
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'EnvSchema' && node.initializer && ts.isCallExpression(node.initializer)) {
      const arg = node.initializer.arguments[0];
      if (arg && ts.isObjectLiteralExpression(arg)) properties = arg.properties;
    }
    node.forEachChild(visit);
  });
  if (!properties) throw new Error('src/config/env.ts: no `EnvSchema = z.object({ … })` found');
  return properties.filter(ts.isPropertyAssignment).map((prop) => {
    const name = prop.name.getText();
    const docs = ts.getJSDocCommentsAndTags(prop).filter(ts.isJSDoc);
    const text = (c: ts.JSDoc['comment']) => oneLine(ts.getTextOfJSDocComment(c) ?? '');
    const meaning = docs.map((d) => text(d.comment)).filter(Boolean).join(' ');
    if (!meaning) throw new Error(`src/config/env.ts: ${name} has no doc comment; every setting needs one (it is its README entry).`);
    const tag = docs.flatMap((d) => d.tags ?? []).find((t) => t.tagName.text === 'default');
    return { name, meaning, defaultText: tag ? text(tag.comment) : null };
  });
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();

/** What the schema makes of an unset variable, shown as code; null when it stays unset. */
function schemaDefault(name: string): string | null {
  const field = (EnvSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>)[name];
  const parsed = field?.safeParse(undefined);
  const value = parsed?.success ? parsed.data : undefined;
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return null;
  return `\`${String(value)}\``;
}

export function configTable(): string {
  const rows = variableDocs().map((v) => `| \`${v.name}\` | ${v.defaultText ?? schemaDefault(v.name) ?? ''} | ${v.meaning.replace(/\|/g, '\\|')} |`);
  return [
    'Generated from the doc comments in `src/config/env.ts` by `npm run codegen`.',
    '',
    '| variable | default | meaning |',
    '|---|---|---|',
    ...rows,
  ].join('\n');
}
