import { HotError } from './hot-error';

export interface ResourceOrder {
  createOrder: string[];
  deleteOrder: string[];
}

function findCycle(deps: ReadonlyMap<string, ReadonlySet<string>>, among: ReadonlySet<string>): string[] {
  // Every node left has a dependency also left, so walking them must come back to a node seen before.
  const path: string[] = [];
  let node = [...among][0]!;
  while (!path.includes(node)) {
    path.push(node);
    node = [...(deps.get(node) ?? [])].find((d) => among.has(d))!;
  }
  return [...path.slice(path.indexOf(node)), node];
}

/**
 * Orders resources so that each comes after what it depends on (declaration order among equals);
 * deletion is the reverse. A cycle is refused, naming the resources in it.
 */
export function orderResources(names: readonly string[], deps: ReadonlyMap<string, ReadonlySet<string>>): ResourceOrder {
  const left = new Set(names);
  const createOrder: string[] = [];
  while (left.size > 0) {
    const ready = [...left].filter((n) => [...(deps.get(n) ?? [])].every((d) => !left.has(d)));
    if (ready.length === 0) {
      throw new HotError('CircularDependencyException', `Circular Dependency Found: ${findCycle(deps, left).join(' -> ')}`);
    }
    for (const n of ready) {
      createOrder.push(n);
      left.delete(n);
    }
  }
  return { createOrder, deleteOrder: [...createOrder].reverse() };
}
