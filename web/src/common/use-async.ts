import { useEffect, useState } from 'preact/hooks';

/** The state of something loading: its value once there, or the error it failed with. */
export interface AsyncState<T> {
  value: T | undefined;
  error: unknown;
}

/** Runs `load` whenever a dependency changes, keeping only the latest answer. */
export function useAsync<T>(load: () => Promise<T>, dependencies: unknown[]): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ value: undefined, error: undefined });
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setState({ value, error: undefined }),
      (error: unknown) => current && setState({ value: undefined, error }),
    );
    return () => {
      current = false;
    };
  }, dependencies);
  return state;
}
