/**
 * The simulated single sign-on, walked request by request as a browser would (two cookie jars: Halo's host
 * and the identity provider's). The browser-driven version is test/e2e/login.test.ts.
 */
import { describe, expect, it } from "vitest";
import { COOKIE, MSW_URLS } from "../../src/sandbox/index.js";
import { Jar, useMswSandbox } from "./helpers.js";

const { sb } = useMswSandbox();

async function go(jar: Jar, url: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(url, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } });
  jar.apply(res);
  return res;
}

const form = (fields: Record<string, string>): RequestInit => ({ method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() });
const hiddenFields = (html: string): Record<string, string> => Object.fromEntries([...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [m[1] as string, (m[2] as string).replace(/&#38;/g, "&").replace(/&quot;/g, '"')]));

/** Home → sign-in page → provider route: returns the identity provider's authorize URL. */
async function toIdp(halo: Jar): Promise<string> {
  const home = await go(halo, `${MSW_URLS.web}/`);
  expect(home.status).toBe(302);
  const signinUrl = home.headers.get("location") as string;
  expect(new URL(signinUrl).pathname).toBe("/api/auth/signin");
  const signin = await go(halo, signinUrl);
  const fields = hiddenFields(await signin.text());
  expect(fields.csrfToken).toMatch(/^[0-9a-f]{64}$/);
  const post = await go(halo, `${MSW_URLS.web}/api/auth/signin/azure-ad`, form(fields));
  expect(post.status).toBe(302);
  const authorize = post.headers.get("location") as string;
  expect(new URL(authorize).origin).toBe(MSW_URLS.idp);
  return authorize;
}

async function signIn(idp: Jar, authorize: string, email: string, password: string, keep = false): Promise<Response> {
  const page = await go(idp, authorize);
  const fields = hiddenFields(await page.text());
  return go(idp, `${MSW_URLS.idp}/login`, form({ ...fields, email, password, ...(keep ? { kmsi: "1" } : {}) }));
}

async function sessionOf(halo: Jar): Promise<Record<string, unknown>> {
  return (await (await go(halo, `${MSW_URLS.web}/api/auth/session`)).json()) as Record<string, unknown>;
}

describe("sandbox single sign-on", () => {
  it("home → identity provider form → callback gives an open_id session for the student", async () => {
    const halo = new Jar();
    const idp = new Jar();
    const authorize = await toIdp(halo);
    expect(await sessionOf(halo)).toEqual({});

    const wrong = await signIn(idp, authorize, sb.sso.email, "not-the-password");
    expect(wrong.status).toBe(200);
    expect(await wrong.text()).toContain("Your account or password is incorrect.");

    const ok = await signIn(idp, authorize, sb.sso.email, sb.sso.password);
    expect(ok.status).toBe(302);
    const callback = new URL(ok.headers.get("location") as string);
    expect(callback.origin + callback.pathname).toBe(`${MSW_URLS.web}/api/auth/callback/azure-ad`);
    const back = await go(halo, callback.href);
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe(`${MSW_URLS.web}/`);
    expect(halo.map.has(COOKIE.session)).toBe(true);
    // The session cookie is Halo's alone: the identity provider never sees it.
    expect(idp.map.has(COOKIE.session)).toBe(false);

    const s = await sessionOf(halo);
    expect(s.userId).toBe(sb.credentials.userId);
    expect(s.authMethod).toBe("open_id");
    expect(typeof s.authToken).toBe("string");
    const home = await go(halo, `${MSW_URLS.web}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/Signed in as \w+/);
  });

  it("refuses a callback whose state does not match the browser's cookie, and a code used twice", async () => {
    const halo = new Jar();
    const ok = await signIn(new Jar(), await toIdp(halo), sb.sso.email, sb.sso.password);
    const callback = new URL(ok.headers.get("location") as string);
    const forged = new URL(callback);
    forged.searchParams.set("state", "someone-elses-state");
    const bad = await go(halo, forged.href);
    expect(bad.headers.get("location")).toContain("error=OAuthCallback");
    expect(halo.map.has(COOKIE.session)).toBe(false);
    expect(await sessionOf(halo)).toEqual({});
    const good = await go(halo, callback.href);
    expect(good.headers.get("location")).toBe(`${MSW_URLS.web}/`);
    expect((await sessionOf(halo)).userId).toBe(sb.credentials.userId);
    const replay = new Jar();
    replay.map.set("__Secure-next-auth.state", callback.searchParams.get("state") as string);
    const again = await go(replay, callback.href);
    expect(again.headers.get("location")).toContain("error=OAuthCallback");
    expect(replay.map.has(COOKIE.session)).toBe(false);
  });

  it("'stay signed in' makes the next sign-in one click on the same browser, and only there", async () => {
    const idp = new Jar();
    await signIn(idp, await toIdp(new Jar()), sb.sso.email, sb.sso.password, true);
    const before = sb.sso.passwordSignIns();

    const halo = new Jar();
    const picker = await go(idp, await toIdp(halo));
    const html = await picker.text();
    expect(html).toContain("Pick an account");
    expect(html).toContain(sb.sso.email);
    const click = await go(idp, `${MSW_URLS.idp}/login`, form(hiddenFields(html)));
    expect(click.status).toBe(302);
    await go(halo, click.headers.get("location") as string);
    expect((await sessionOf(halo)).userId).toBe(sb.credentials.userId);
    expect(sb.sso.passwordSignIns()).toBe(before);

    const elsewhere = await go(new Jar(), await toIdp(new Jar()));
    expect(await elsewhere.text()).toContain('id="password"');
  });

  it("rejects an authorize request for another redirect_uri and the wrong person's account", async () => {
    const authorize = new URL(await toIdp(new Jar()));
    authorize.searchParams.set("redirect_uri", "https://evil.example/callback");
    const res = await go(new Jar(), authorize.href);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("redirect_uri is not registered");

    const teacher = Object.values(sb.world.users).find((u) => u.id !== sb.credentials.userId);
    const other = await signIn(new Jar(), await toIdp(new Jar()), teacher?.email ?? "x@gcu.edu", sb.sso.password);
    expect(other.status).toBe(200);
    expect(await other.text()).toContain("Your account or password is incorrect.");
  });
});
