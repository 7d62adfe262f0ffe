/**
 * Resolves once the service at `url` (its /graphql) says it is ready, as a load balancer waits
 * for: its read models verified at start and current. Until then a recording waits for read models
 * that fold nothing yet (read-your-writes, 2 s at most), and a load fills the operation gate.
 */
export async function untilReady(url: string, patienceMs: number): Promise<void> {
  const health = url.replace(/\/graphql$/, '/health/ready');
  const started = performance.now();
  for (;;) {
    const status = await fetch(health).then((r) => r.status, () => 0);
    if (status === 200) return;
    if (performance.now() - started > patienceMs) throw new Error(`${health} never answered 200 (last status ${status})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
