/**
 * One HTTP GET whose body is read under three bounds at once: a byte cap (checked as each
 * chunk arrives, so a response that never ends costs at most the cap), an idle timeout
 * (no byte for that long: a server sending 1 byte a minute is cut) and a total timeout
 * (the whole exchange, headers and body). Timers are plain `setTimeout`s held by this
 * module, so they fire whatever the body is doing; the caller's AbortSignal ends it at once.
 */

export interface HttpBounds {
  /** Most body bytes accepted; a longer body is refused (`too-large`). */
  maxBytes: number;
  /** Longest wait for the response headers or the next body bytes. */
  idleTimeoutMs: number;
  /** Longest time for the whole request, body included. */
  totalTimeoutMs: number;
}

/** 64 MiB: a page of 1000 ordinary catalogue records is 2-10 MB. */
export const DEFAULT_HTTP_BOUNDS: HttpBounds = { maxBytes: 64 * 1024 * 1024, idleTimeoutMs: 30_000, totalTimeoutMs: 120_000 };

export type HttpFailureKind = 'too-large' | 'idle-timeout' | 'total-timeout' | 'network' | 'aborted';

/** Why a request failed, in one line; `kind` tells a too-large page from a network error. */
export class HttpFetchError extends Error {
  override readonly name = 'HttpFetchError';
  constructor(message: string, readonly kind: HttpFailureKind) {
    super(message);
  }
}

export interface BoundedResponse {
  status: number;
  ok: boolean;
  headers: Headers;
  body: Buffer;
}

export interface BoundedFetchOptions extends Partial<HttpBounds> {
  headers?: Record<string, string> | undefined;
  signal?: AbortSignal | undefined;
}

function tooLarge(url: URL, maxBytes: number, seen: string): HttpFetchError {
  return new HttpFetchError(`the response from ${url.origin}${url.pathname} is larger than ${maxBytes} bytes (${seen}); the cap protects memory: ask for fewer rows per page`, 'too-large');
}

/** GETs `url` and returns its whole body, or throws an HttpFetchError. */
export async function boundedFetch(url: URL, options: BoundedFetchOptions = {}): Promise<BoundedResponse> {
  const bounds: HttpBounds = {
    maxBytes: options.maxBytes ?? DEFAULT_HTTP_BOUNDS.maxBytes,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_HTTP_BOUNDS.idleTimeoutMs,
    totalTimeoutMs: options.totalTimeoutMs ?? DEFAULT_HTTP_BOUNDS.totalTimeoutMs,
  };
  const controller = new AbortController();
  let failure: HttpFetchError | undefined;
  const fail = (error: HttpFetchError): void => {
    failure ??= error;
    controller.abort(error);
  };
  const onCallerAbort = (): void => fail(new HttpFetchError('the request was cancelled', 'aborted'));
  if (options.signal?.aborted) throw new HttpFetchError('the request was cancelled', 'aborted');
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });

  const total = setTimeout(() => fail(new HttpFetchError(`no complete response within ${bounds.totalTimeoutMs} ms (total timeout)`, 'total-timeout')), bounds.totalTimeoutMs);
  let idle: NodeJS.Timeout | undefined;
  const touch = (): void => {
    clearTimeout(idle);
    idle = setTimeout(() => fail(new HttpFetchError(`no data for ${bounds.idleTimeoutMs} ms (idle timeout)`, 'idle-timeout')), bounds.idleTimeoutMs);
  };
  try {
    touch();
    let response: Response;
    try {
      response = await fetch(url, { headers: options.headers, signal: controller.signal });
    } catch (error) {
      throw failure ?? networkError(error);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > bounds.maxBytes) {
      const error = tooLarge(url, bounds.maxBytes, `Content-Length ${declared}`);
      fail(error);
      throw error;
    }
    const chunks: Buffer[] = [];
    let length = 0;
    if (response.body !== null) {
      const reader = response.body.getReader();
      try {
        for (;;) {
          touch();
          const { done, value } = await reader.read();
          if (done) break;
          length += value.byteLength;
          if (length > bounds.maxBytes) {
            fail(tooLarge(url, bounds.maxBytes, `${length} bytes received so far`));
            break;
          }
          chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
        }
      } catch (error) {
        throw failure ?? networkError(error);
      } finally {
        reader.cancel().catch(() => undefined);
      }
    }
    if (failure) throw failure;
    return { status: response.status, ok: response.ok, headers: response.headers, body: Buffer.concat(chunks, length) };
  } finally {
    clearTimeout(total);
    clearTimeout(idle);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}

function networkError(error: unknown): HttpFetchError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message;
  return new HttpFetchError(`network error: ${(error as Error).message}${detail ? ` (${detail})` : ''}`, 'network');
}
