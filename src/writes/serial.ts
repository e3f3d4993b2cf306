/**
 * One at a time per key, in arrival order. Two uploads of the same name to one assignment could otherwise
 * both pass the "already attached?" check and leave two copies Halo's API cannot remove.
 */
const tails = new Map<string, Promise<void>>();

export async function serialized<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const before = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  const tail = before.then(() => mine);
  tails.set(key, tail);
  await before;
  try {
    return await fn();
  } finally {
    release();
    // The map holds only keys with a call running or waiting.
    if (tails.get(key) === tail) tails.delete(key);
  }
}
