/**
 * aws-local-stepfunctions 3.x calls `Promise.withResolvers` (Node 22+) for every Task's timeout;
 * on Node 20 it is missing and every Task would fail with a TypeError. Installed once, only when
 * absent, with the standard's semantics.
 */
export function installWithResolvers(): void {
  // Typed without the ES2024 lib the repo's tsconfig does not load.
  if (typeof (Promise as { withResolvers?: unknown }).withResolvers === 'function') return;
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers<T>() {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}
