/**
 * Hands text chunks from the generation to one consumer. Generation runs at its own pace: a consumer that
 * stops reading does not stop it (only the request's AbortSignal does), so `done` always settles.
 */
export class ChunkQueue implements AsyncIterable<string> {
  private readonly items: string[] = [];
  private finished = false;
  private failure: { error: unknown } | undefined;
  private wake: (() => void) | undefined;
  private consumed = false;

  push(chunk: string): void {
    this.items.push(chunk);
    this.notify();
  }

  end(): void {
    this.finished = true;
    this.notify();
  }

  fail(error: unknown): void {
    this.failure = { error };
    this.notify();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<string> {
    if (this.consumed) throw new Error('The chunks of an LLM stream can be read only once.');
    this.consumed = true;
    for (;;) {
      const next = this.items.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      if (this.failure) throw this.failure.error;
      if (this.finished) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
