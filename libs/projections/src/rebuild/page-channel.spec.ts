import { PageChannel } from './page-channel';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('PageChannel', () => {
  it('hands each item over once, in order, and ends after the last', async () => {
    const channel = new PageChannel<number>(2);
    const producing = (async () => {
      for (let item = 1; item <= 9; item++) await channel.push(item);
      channel.end();
    })();
    const taken: number[] = [];
    for (let item = await channel.pop(); item !== undefined; item = await channel.pop()) {
      taken.push(item);
      if (item % 3 === 0) await turn();
    }
    await producing;
    expect(taken).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('holds the producer back while `capacity` items wait', async () => {
    const channel = new PageChannel<number>(2);
    let pushed = 0;
    const producing = (async () => {
      for (let item = 1; item <= 5; item++) {
        await channel.push(item);
        pushed = item;
      }
    })();
    for (let wait = 0; wait < 5; wait++) await turn();
    expect(pushed).toBe(2);
    expect(await channel.pop()).toBe(1);
    for (let wait = 0; wait < 5; wait++) await turn();
    expect(pushed).toBe(3);
    channel.fail(new Error('stop'));
    await expect(producing).rejects.toThrow('stop');
  });

  it('lets the consumer drain what is left after the end', async () => {
    const channel = new PageChannel<string>(3);
    await channel.push('a');
    await channel.push('b');
    channel.end();
    expect([await channel.pop(), await channel.pop(), await channel.pop()]).toEqual(['a', 'b', undefined]);
    await expect(channel.push('c')).rejects.toThrow('push after end');
  });

  it('wakes a waiting consumer and a waiting producer with the failure', async () => {
    const empty = new PageChannel<number>(1);
    const waiting = empty.pop();
    empty.fail(new Error('apply failed'));
    await expect(waiting).rejects.toThrow('apply failed');

    const full = new PageChannel<number>(1);
    await full.push(1);
    const blocked = full.push(2);
    full.fail(new Error('read failed'));
    await expect(blocked).rejects.toThrow('read failed');
    await expect(full.pop()).rejects.toThrow('read failed');
  });
});
