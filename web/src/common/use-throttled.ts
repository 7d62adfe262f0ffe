import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * `value`, passed on at most once every `intervalMs`: the first change at once, later ones as the
 * latest of each interval, so that the last change is never lost.
 */
export function useThrottled<T>(value: T, intervalMs: number): T {
  const [passed, setPassed] = useState(value);
  const lastPassedAt = useRef(0);
  useEffect(() => {
    const wait = lastPassedAt.current + intervalMs - Date.now();
    const pass = () => {
      lastPassedAt.current = Date.now();
      setPassed(value);
    };
    if (wait <= 0) {
      pass();
      return undefined;
    }
    const timer = setTimeout(pass, wait);
    return () => clearTimeout(timer);
  }, [value, intervalMs]);
  return passed;
}
