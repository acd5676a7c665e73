/** The operation with the fragments it spreads (and theirs): a document may hold no unused fragment. */
export function withFragments(operation: string, fragments: string): string {
  const defs = new Map<string, string>();
  for (const part of fragments.split(/(?=^fragment\s)/m)) {
    const name = /^fragment\s+(\w+)/.exec(part)?.[1];
    if (name) defs.set(name, part.trim());
  }
  const used = new Set<string>();
  const visit = (text: string) => {
    for (const [, name] of text.matchAll(/\.\.\.\s*(\w+)/g)) {
      if (!name || used.has(name) || !defs.has(name)) continue;
      used.add(name);
      visit(defs.get(name)!);
    }
  };
  visit(operation);
  return [operation.trim(), ...[...used].map((n) => defs.get(n)!)].join('\n\n');
}

