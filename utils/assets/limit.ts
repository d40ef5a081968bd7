/**
 * A limit on how many jobs run at once: `run(job)` starts `job` when fewer than `concurrency` run,
 * else when one ends, first come first served. A job that fails frees its place all the same.
 */
export function limiter(concurrency: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    running--;
    waiting.shift()?.();
  };
  return <T>(job: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const start = () => {
        running++;
        job().then(resolve, reject).finally(next);
      };
      if (running < concurrency) start();
      else waiting.push(start);
    });
}
