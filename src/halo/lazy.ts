/**
 * createHalo behind a dynamic import. The HTTP and cookie libraries are not needed to answer initialize or
 * tools/list, so the server starts answering first and loads them in the background (warm()) or on the
 * first Halo call, whichever comes first.
 */
import type { Halo, HaloOptions } from "./index.js";
import type { HaloApi, SessionControl } from "./types.js";

export interface LazyHalo extends Halo {
  /** Starts loading now without waiting. */
  warm(): void;
}

export function createLazyHalo(opts: Pick<HaloOptions, "config" | "store" | "healingStore">): LazyHalo {
  let loading: Promise<Halo> | undefined;
  let loaded: Halo | undefined;
  const get = (): Promise<Halo> => (loading ??= import("./index.js").then((m) => (loaded = m.createHalo(opts))));
  const api: HaloApi = {
    query: async (req) => (await get()).api.query(req),
    mutate: async (req) => (await get()).api.mutate(req),
    restGet: async (path, ctx) => (await get()).api.restGet(path, ctx),
    restPost: async (path, body, ctx) => (await get()).api.restPost(path, body, ctx),
    putPresigned: async (url, body, onProgress) => (await get()).api.putPresigned(url, body, onProgress),
    getSigned: async (url) => (await get()).api.getSigned(url),
    session: async () => (await get()).api.session(),
  };
  const session: SessionControl = {
    status: async () => (await get()).session.status(),
    reload: async () => (await get()).session.reload(),
    setup: async () => (await get()).session.setup(),
    refresh: async () => (await get()).session.refresh(),
  };
  return {
    api,
    session,
    outcomes: () => loaded?.outcomes() ?? [],
    warm: () => void get().catch(() => undefined),
    flush: async () => {
      if (loading) await (await loading).flush();
    },
    close: () => void loading?.then((h) => h.close(), () => undefined),
  };
}
