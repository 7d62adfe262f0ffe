/**
 * Runs tasks that share a key one after another, and tasks of different keys freely. Commands on
 * one participant then queue instead of racing to a version conflict inside this process; the
 * store's optimistic check still guards against other processes.
 */
export class OneAtATimePerKey {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
