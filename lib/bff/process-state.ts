/**
 * Per-process state (caches, limiters) kept on globalThis, so that every route bundle Next.js loads in
 * this process shares one instance.
 */
export function processState<T>(key: string, create: () => T): T {
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const symbol = Symbol.for(`zenith.${key}`);
  store[symbol] ??= create();
  return store[symbol];
}
