import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import type { ReadModelCheck } from './projection';
import type { ReadModelVerifier } from './read-model-verifier';
import type { ProjectionVerdict } from './verify-projection';

/** The child's first message: what it verifies (its entry's own shape). */
export interface VerificationSetup {
  setup: unknown;
}

/** What the service asks the child: a projection's read model verified. */
export interface VerificationRequest {
  id: number;
  projection: string;
}

/** The child's answer: a verdict, or the error verifying threw (its SQLite code kept: a busy file is tried again later). */
export type VerificationAnswer = { id: number; verdict: ProjectionVerdict } | { id: number; error: { message: string; code?: string } };

interface Waiting {
  projection: string;
  resolve(verdict: ProjectionVerdict): void;
  reject(error: Error): void;
  /** The child asked: its end asks a new one what it has not answered. */
  child: ChildProcess;
  /** Sent again once already, to a new child: the one first asked had ended unseen. */
  resent: boolean;
}

/**
 * Verifies read models in a child process (`entry`, set up with `setup`) on a connection of its
 * own, one projection at a time, so that a minute of reading leaves the service's event loop free
 * (and uses another core). A process rather than a worker thread: a verification is SQLite
 * statements that may each read for many seconds, which nothing interrupts, and a process that
 * ends must not wait for them; a child is killed at once. It starts with the first verification
 * and ends once it has had nothing to do for `idleMs` (a Node process kept for a check every
 * quarter of an hour would hold its memory in between), to start again when asked. Under the
 * tests, which run the TypeScript sources, the child compiles its own as it loads them
 * (@swc-node/register, a development dependency).
 */
export class ChildProcessVerifier implements ReadModelVerifier {
  /** The one asked: a new verification goes to it. */
  private child: ChildProcess | null = null;
  /** Every child not yet exited, the one asked and any ending: a close waits for all. */
  private readonly running = new Set<ChildProcess>();
  private idle: NodeJS.Timeout | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private lastId = 0;

  constructor(
    private readonly entry: string,
    private readonly setup: unknown,
    private readonly idleMs = 5_000,
  ) {}

  verify(projection: ReadModelCheck): Promise<ProjectionVerdict> {
    const id = ++this.lastId;
    clearTimeout(this.idle);
    return new Promise<ProjectionVerdict>((resolve, reject) => {
      this.waiting.set(id, { projection: projection.name, resolve, reject, child: this.started(), resent: false });
      this.send(id);
    });
  }

  /**
   * Kills the children, the one asked and any still ending, and resolves once they are gone; what
   * was not answered yet is refused. Gone before the service closes its own connection,
   * which is then the last, and as the last to close a database in WAL mode folds the log back
   * into the file (a copy of the file alone is then whole).
   */
  async close(): Promise<void> {
    clearTimeout(this.idle);
    const closed = new Error("The read models' verification process was closed");
    for (const id of [...this.waiting.keys()]) this.refuse(id, closed);
    this.child = null;
    await Promise.all([...this.running].map(killed));
  }

  /** Sends a waiting request to its child; one the child cannot take (it ended unseen) is tried again as its end would. */
  private send(id: number): void {
    const waiting = this.waiting.get(id)!;
    holdsProcess(waiting.child, true);
    waiting.child.send({ id, projection: waiting.projection } satisfies VerificationRequest, (error) => {
      if (error && this.waiting.get(id) === waiting) this.lost(waiting.child, id, waiting, error);
    });
  }

  private started(): ChildProcess {
    if (this.child) return this.child;
    // Nothing of the service's own flags (an inspector's port, a profile) goes to the child.
    const execArgv = this.entry.endsWith('.ts') ? ['--require', require.resolve('@swc-node/register')] : [];
    const child = (this.child = fork(this.entry, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    this.running.add(child);
    child.once('exit', () => this.running.delete(child));
    child.send({ setup: this.setup } satisfies VerificationSetup);
    child.on('message', (answer: VerificationAnswer) => this.answered(answer));
    child.on('error', (error) => this.ended(child, error));
    child.on('exit', (code, signal) => this.ended(child, new Error(`The read models' verification process ended (${signal ?? `exit code ${code}`}) before answering`)));
    return child;
  }

  private answered(answer: VerificationAnswer): void {
    const waiting = this.waiting.get(answer.id);
    if (!waiting) return;
    this.waiting.delete(answer.id);
    if (![...this.waiting.values()].some((w) => w.child === waiting.child)) this.rested(waiting.child);
    if ('verdict' in answer) waiting.resolve(answer.verdict);
    else waiting.reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }));
  }

  /** Nothing waits for the child: like the runner's timers, it keeps no process alive, and it ends unless asked again soon. */
  private rested(child: ChildProcess): void {
    holdsProcess(child, false);
    if (child !== this.child) return;
    clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      this.child = null;
      // Its channel closed, it exits of itself (read-model-verification.child.ts).
      if (child.connected) child.disconnect();
    }, this.idleMs).unref();
  }

  /** The child is no longer the one asked; what it had not answered is asked of a new one. */
  private ended(child: ChildProcess, error: Error): void {
    if (this.child === child) this.child = null;
    for (const [id, waiting] of this.waiting) if (waiting.child === child) this.lost(child, id, waiting, error);
  }

  /**
   * A request its child will not answer: asked again, once, of a new child (the one asked may have
   * ended before the request was sent, killed or crashed for reasons of its own); refused if the
   * second ends too, as a verification that ends every process it runs in would.
   */
  private lost(child: ChildProcess, id: number, waiting: Waiting, error: Error): void {
    if (this.child === child) this.child = null;
    if (waiting.resent) return this.refuse(id, error);
    Object.assign(waiting, { child: this.started(), resent: true });
    this.send(id);
  }

  private refuse(id: number, error: Error): void {
    this.waiting.get(id)?.reject(error);
    this.waiting.delete(id);
  }
}

/** Kills the child and resolves once it has exited (at once: nothing holds back a killed process). */
async function killed(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.ref();
  child.kill('SIGKILL');
  await exited;
}

/** Whether the child (and its channel) keep this process alive: while a verdict is awaited. */
function holdsProcess(child: ChildProcess, held: boolean): void {
  if (held) {
    child.ref();
    child.channel?.ref();
  } else {
    child.unref();
    child.channel?.unref();
  }
}
