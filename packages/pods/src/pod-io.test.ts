import { forEachLimit } from './pod-io';

async function* listing(pages: number[][]): AsyncGenerator<number> {
  for (const page of pages) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    yield* page;
  }
}

describe('forEachLimit', () => {
  it('runs an async listing as it arrives, in listing order, never more than the limit at once', async () => {
    const seen: [number, number][] = [];
    let running = 0;
    let most = 0;
    await forEachLimit(listing([[10, 11, 12], [13], [14, 15, 16, 17]]), 3, async (item, index) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, item % 3));
      seen.push([index, item]);
      running -= 1;
    });
    expect(seen.sort((x, y) => x[0] - y[0])).toEqual([10, 11, 12, 13, 14, 15, 16, 17].map((item, i) => [i, item]));
    expect(most).toBe(3);
  });

  it('throws the first failure and starts no task after it', async () => {
    const started: number[] = [];
    const run = forEachLimit(listing([[1, 2, 3, 4, 5, 6]]), 2, async (item) => {
      started.push(item);
      if (item === 2) throw new Error('object 2 failed');
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    await expect(run).rejects.toThrow('object 2 failed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started).toEqual([1, 2]);
  });

  it('throws only once the tasks in flight have settled, and closes the listing', async () => {
    const events: string[] = [];
    async function* closable(): AsyncGenerator<number> {
      try {
        yield* [1, 2, 3, 4];
      } finally {
        events.push('listing closed');
      }
    }
    const run = forEachLimit(closable(), 2, async (item) => {
      if (item === 2) throw new Error('object 2 failed');
      await new Promise((resolve) => setTimeout(resolve, 30));
      events.push(`object ${item} done`);
    });
    await expect(run).rejects.toThrow('object 2 failed');
    expect(events).toEqual(['object 1 done', 'listing closed']);
  });

  it('throws when the listing itself fails', async () => {
    async function* failing(): AsyncGenerator<number> {
      yield 1;
      throw new Error('ListObjectsV2 failed');
    }
    await expect(forEachLimit(failing(), 4, async () => undefined)).rejects.toThrow('ListObjectsV2 failed');
  });
});
