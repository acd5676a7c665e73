/**
 * Path-template router. GHL runs on Express (NestJS), where a literal route registered for a
 * method wins over a parameter in the same position (`/contacts/search` before
 * `/contacts/{contactId}`), a trailing slash does not matter (`/contacts/` == `/contacts`), and a
 * path that exists for another method is still a 404. The trie reproduces that by trying the
 * literal branch first and backtracking to the parameter branch when the literal one has no route
 * for the method.
 */
export interface RouteMatch<T> {
  value: T;
  /** The spec template, e.g. `/contacts/{contactId}` (trailing slash as the spec writes it). */
  template: string;
  params: Record<string, string>;
}

interface Node<T> {
  literals: Map<string, Node<T>>;
  param: { name: string; node: Node<T> } | null;
  /** Parameter names differ between templates sharing a position (`{id}` vs `{taskId}`); keep the template's own. */
  routes: Map<string, { value: T; template: string; paramNames: string[] }>;
}

const newNode = <T>(): Node<T> => ({ literals: new Map(), param: null, routes: new Map() });

export const splitPath = (path: string): string[] => path.split('/').filter((s) => s.length > 0);

const PARAM = /^\{([^}]+)\}$/;

export class Router<T> {
  private readonly root: Node<T> = newNode();

  add(method: string, template: string, value: T): void {
    let node = this.root;
    const paramNames: string[] = [];
    for (const segment of splitPath(template)) {
      const param = PARAM.exec(segment);
      if (param) {
        paramNames.push(param[1] as string);
        node.param ??= { name: param[1] as string, node: newNode() };
        node = node.param.node;
      } else {
        let next = node.literals.get(segment);
        if (!next) node.literals.set(segment, (next = newNode()));
        node = next;
      }
    }
    const m = method.toUpperCase();
    if (node.routes.has(m)) throw new Error(`Duplicate route ${m} ${template}`);
    node.routes.set(m, { value, template, paramNames });
  }

  match(method: string, path: string): RouteMatch<T> | null {
    let segments: string[];
    try {
      segments = splitPath(path).map((s) => decodeURIComponent(s));
    } catch {
      return null; // malformed percent-encoding: Express answers 400/404; no route matches here
    }
    const m = method.toUpperCase();
    const values: string[] = [];
    const walk = (node: Node<T>, i: number): RouteMatch<T> | null => {
      if (i === segments.length) {
        const route = node.routes.get(m);
        if (!route) return null;
        const params: Record<string, string> = {};
        route.paramNames.forEach((name, k) => (params[name] = values[k] as string));
        return { value: route.value, template: route.template, params };
      }
      const segment = segments[i] as string;
      const literal = node.literals.get(segment);
      if (literal) {
        const found = walk(literal, i + 1);
        if (found) return found;
      }
      if (node.param) {
        values.push(segment);
        const found = walk(node.param.node, i + 1);
        if (found) return found;
        values.pop();
      }
      return null;
    };
    return walk(this.root, 0);
  }
}
