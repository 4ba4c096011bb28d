import { useEffect, useState } from 'react';

/** The current time, renewed every `intervalMs` so countdowns and "5 min" labels move on. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
