import type { StreamingRead } from '@eventstore/db-client';
import { asStoreError, deadlineExceeded } from './esdb-errors';

/** Reads and appends answer within this, or reject with StoreUnavailable. */
export const DEADLINE_MS = 10_000;

/**
 * The store's answer to `work`, within `ms`: a transport fault or no answer in time rejects with
 * StoreUnavailable (and `cancel` stops the work), other errors as they are. The client's reads and
 * appends run without a deadline of their own (it sets theirs to Infinity), hence this one.
 */
export async function answerWithin<T>(what: string, ms: number, work: Promise<T>, cancel?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      cancel?.();
      reject(deadlineExceeded(what, ms));
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } catch (error) {
    throw asStoreError(error);
  } finally {
    clearTimeout(timer);
  }
}

/** Every item of a read, within `ms`. */
export function readWithin<T>(what: string, ms: number, read: StreamingRead<T>): Promise<T[]> {
  return answerWithin(what, ms, toArray(read), () => void read.cancel());
}

async function toArray<T>(read: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of read) items.push(item);
  return items;
}
