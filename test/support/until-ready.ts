/**
 * Resolves once the app at `url` (its /graphql) says it is ready: its read models verified at
 * start. Until then a recording waits for read models that fold nothing yet (read-your-writes, 2 s
 * at most), which a loaded machine can exceed. The bench waits the same way, longer.
 */
export async function untilReady(url: string, patienceMs = 30_000): Promise<void> {
  const health = url.replace(/\/graphql$/, '/health/ready');
  const started = performance.now();
  for (;;) {
    const status = await fetch(health).then((r) => r.status, () => 0);
    if (status === 200) return;
    if (performance.now() - started > patienceMs) throw new Error(`${health} never answered 200 (last status ${status})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
