/**
 * Retries a kintone call on 429 (GAIA_TO04, too many concurrent requests) and 503, with
 * exponential backoff and full jitter. Never retries anything else: a 409 revision conflict
 * (GAIA_CO02) means someone else edited the record, and only a person may decide what wins.
 */
export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Injected in tests so no real time passes. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function isRetryable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const status = (error as { status?: unknown }).status;
  if (status === 429 || status === 503) return true;
  // rest-api-client throws a plain Error("503: ...") when the body is not kintone's JSON.
  const message = (error as { message?: unknown }).message;
  return typeof message === "string" && /^(429|503)\b/.test(message);
}

export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 6;
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 30_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      const delay = Math.floor(random() * Math.min(max, base * 2 ** (attempt - 1)));
      options.onRetry?.(attempt, delay, error);
      await sleep(delay);
    }
  }
}
