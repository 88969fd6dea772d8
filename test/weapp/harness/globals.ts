/** @module Free references to browser and Node globals in a script, found by scope analysis (acorn + eslint-scope). */
import { parse } from 'acorn'
import { analyze } from 'eslint-scope'

const FORBIDDEN = new Set(['process', 'window', 'document', 'localStorage', 'fetch', 'XMLHttpRequest'])

type Node = { type: string; start: number; end: number; [key: string]: unknown }

/** `typeof X`, or an expression whose test probes `typeof X` first (`typeof window === 'object' ? window : …`). */
function guarded(name: string, ancestors: Node[]): boolean {
  const probes = (n: unknown): boolean =>
    !!n && typeof n === 'object' && ((n as Node).type === 'UnaryExpression' && (n as Node).operator === 'typeof' && ((n as Node).argument as Node & { name?: string }).name === name
      ? true
      : Object.values(n as object).some((v) => (Array.isArray(v) ? v.some(probes) : v && typeof v === 'object' && 'type' in v && probes(v))))
  return ancestors.some((a) => (a.type === 'UnaryExpression' && a.operator === 'typeof') || (['ConditionalExpression', 'IfStatement', 'LogicalExpression'].includes(a.type) && probes(a.type === 'LogicalExpression' ? a.left : a.test)))
}

function ancestorsOf(root: Node, target: Node): Node[] {
  const trail: Node[] = []
  let at: Node | undefined = root
  while (at && at !== target) {
    trail.push(at)
    let next: Node | undefined
    for (const v of Object.values(at)) {
      for (const c of Array.isArray(v) ? v : [v]) if (c && typeof c === 'object' && 'type' in c && (c as Node).start <= target.start && (c as Node).end >= target.end) next = c as Node
      if (next) break
    }
    at = next
  }
  return trail
}

export function browserGlobalsIn(source: string): string[] {
  const ast = parse(source, { ecmaVersion: 'latest', sourceType: 'script', ranges: true }) as unknown as Node
  const scopes = analyze(ast as never, { ecmaVersion: 2022, sourceType: 'script' })
  const hits: string[] = []
  for (const ref of scopes.globalScope!.through) {
    const id = ref.identifier as unknown as Node & { name: string }
    if (!FORBIDDEN.has(id.name) || guarded(id.name, ancestorsOf(ast, id))) continue
    hits.push(`${id.name} in …${source.slice(Math.max(0, id.start - 40), id.end + 40)}…`)
  }
  return hits
}
