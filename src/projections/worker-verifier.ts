import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { ReadModelCheck } from './projection';
import type { ReadModelVerifier } from './read-model-verifier';
import type { ProjectionVerdict } from './verify-projection';

/** What the main thread asks the worker: a projection's read model verified, or the worker to end. */
export type VerificationRequest = { id: number; projection: string } | { close: true };

/** The worker's answer: a verdict, or the error verifying threw (its SQLite code kept: a busy file is tried again later). */
export type VerificationAnswer = { id: number; verdict: ProjectionVerdict } | { id: number; error: { message: string; code?: string } };

interface Waiting {
  resolve(verdict: ProjectionVerdict): void;
  reject(error: Error): void;
}

/**
 * Verifies read models in a worker thread (`entry`, given `data`) on a connection of its own, one
 * projection at a time, so that a minute of reading leaves the service's event loop free (and
 * uses another core). The worker starts with the first verification and again after it stopped.
 * Under the tests, which run the TypeScript sources, the worker compiles its own as it loads them
 * (@swc-node/register, a development dependency); the built service runs the compiled entry.
 */
export class WorkerVerifier implements ReadModelVerifier {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private lastId = 0;

  constructor(
    private readonly entry: string,
    private readonly data: unknown,
  ) {}

  verify(projection: ReadModelCheck): Promise<ProjectionVerdict> {
    const worker = this.started();
    const id = ++this.lastId;
    return new Promise<ProjectionVerdict>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // While someone waits for a verdict, the process waits for the worker too.
      worker.ref();
      worker.postMessage({ id, projection: projection.name } satisfies VerificationRequest);
    });
  }

  /** Lets the worker close its connection and end; what it had not answered yet is refused. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    const exited = once(worker, 'exit');
    worker.ref();
    worker.postMessage({ close: true } satisfies VerificationRequest);
    await exited;
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const execArgv = this.entry.endsWith('.ts') ? ['--require', require.resolve('@swc-node/register')] : undefined;
    const worker = (this.worker = new Worker(this.entry, { workerData: this.data, execArgv }));
    worker.on('message', (answer: VerificationAnswer) => this.answered(answer));
    worker.on('error', (error) => this.refuseWaiting(error));
    worker.on('exit', (code) => {
      this.worker = null;
      this.refuseWaiting(new Error(`The read models' verification worker ended (exit code ${code}) before answering`));
    });
    return worker;
  }

  private answered(answer: VerificationAnswer): void {
    const waiting = this.waiting.get(answer.id);
    if (!waiting) return;
    this.waiting.delete(answer.id);
    // Idle, like the runner's timers, it keeps no process alive.
    if (this.waiting.size === 0) this.worker?.unref();
    if ('verdict' in answer) waiting.resolve(answer.verdict);
    else waiting.reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }));
  }

  private refuseWaiting(error: Error): void {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}
