export default async function globalTeardown(): Promise<void> {
  await globalThis.__STORYLINE_EMBEDDED__?.stop();
}
