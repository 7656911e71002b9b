/** The fixed window of `windowSeconds` that `nowMs` falls in: its start (epoch seconds) and the seconds left. */
export function windowOf(windowSeconds: number, nowMs = Date.now()): { start: number; resetsInSeconds: number } {
  const start = Math.floor(nowMs / 1000 / windowSeconds) * windowSeconds;
  return { start, resetsInSeconds: start + windowSeconds - Math.floor(nowMs / 1000) };
}
