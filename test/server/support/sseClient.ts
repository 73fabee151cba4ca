// A minimal SSE reader over fetch (Node has no EventSource): collects `id`/`data` messages and comments.
export interface SseMessage {
  readonly id: string | undefined;
  /** The `event:` field (`undefined` for plain messages). */
  readonly event?: string | undefined;
  readonly data: string;
}

export interface SseClient {
  readonly status: number;
  readonly messages: SseMessage[];
  readonly comments: string[];
  waitFor(predicate: (messages: readonly SseMessage[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves when the stream ends (closed by either side, or the server went away). */
  readonly ended: Promise<void>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  let ended: Promise<void> = Promise.resolve();
  if (response.ok && response.body) {
    ended = (async () => {
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += value;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            let id: string | undefined;
            let event: string | undefined;
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) comments.push(line.slice(1).trim());
              else if (line.startsWith('id: ')) id = line.slice(4);
              else if (line === 'id:') id = '';
              else if (line.startsWith('event: ')) event = line.slice(7);
              else if (line.startsWith('data: ')) data.push(line.slice(6));
            }
            if (data.length > 0) messages.push({ id, event, data: data.join('\n') });
          }
          for (const wake of [...waiters]) wake();
        }
      } catch {
        // closed
      }
    })();
  }
  return {
    status: response.status,
    messages,
    comments,
    ended,
    waitFor(predicate, timeoutMs = 15_000) {
      if (predicate(messages)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SSE wait timed out with ${messages.length} messages`));
        }, timeoutMs);
        const check = (): void => {
          if (!predicate(messages)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
    close: () => controller.abort(),
  };
}
