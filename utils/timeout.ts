/**
 * `promise`, unless it has not settled within `ms`: then what `onTimeout` gives (a value, or a throw
 * that rejects). The timer is cleared as soon as either side settles, so it never keeps a worker, a
 * page or a Node process busy after the answer came.
 */
export function withTimeout<T, U = never>(promise: Promise<T>, ms: number, onTimeout: () => U | PromiseLike<U>): Promise<T | U> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A throw in onTimeout becomes the rejection: `then` catches it.
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  }).then(onTimeout);
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
