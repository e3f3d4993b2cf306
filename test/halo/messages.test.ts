/** What the student (through the model) is told when Halo's API changed, refused one request, or a login cannot renew. */
import { describe, expect, it } from "vitest";
import { HaloError } from "../../src/halo/errors.js";
import { confirmedRejection, describePaths, incompatible, isOffline, notRefreshable, rejectedDocument, statusOf } from "../../src/halo/messages.js";

const bug = "run `halo-lms-mcp doctor --live` and include its report in a bug report";

describe("describePaths", () => {
  it("names the last two segments, once each, and counts what does not fit in four", () => {
    expect(describePaths(["getAllClassGrades.grades.rubricScores"])).toBe("grades.rubricScores");
    expect(describePaths(["a.b.c", "x.b.c", "d"])).toBe("b.c, d");
    expect(describePaths(["p.a", "p.b", "p.c", "p.d"])).toBe("p.a, p.b, p.c, p.d");
    expect(describePaths(["p.a", "p.b", "p.c", "p.d", "p.e", "p.f"])).toBe("p.a, p.b, p.c, p.d and 2 more");
    expect(describePaths([])).toBe("");
  });
});

describe("API change messages", () => {
  it("incompatible: the missing field, the feature that needs it, and how to report it", () => {
    const e = incompatible("gradebook", "GetAllClassGrades", ["getAllClassGrades.grades.status"]);
    expect(e).toMatchObject({ kind: "validation", operation: "GetAllClassGrades" });
    expect(e.message).toBe(`Halo no longer offers grades.status, which the gradebook needs, so the gradebook cannot be read until halo-lms-mcp is updated (${bug}).`);
  });

  it("rejectedDocument: Halo's first issue when it gave one, else its message; the status is kept", () => {
    const withIssue = new HaloError("validation", "generic", { status: 400, issues: [{ message: 'Cannot query field "x" on type "Q".' }, { message: "second" }] });
    const e = rejectedDocument("announcements", "GetAnnouncements", withIssue);
    expect(e).toMatchObject({ kind: "validation", operation: "GetAnnouncements", status: 400 });
    expect(e.message).toBe(`Halo rejected the request for the announcements (GetAnnouncements), so its API may have changed: Cannot query field "x" on type "Q". Please ${bug}.`);
    const bare = rejectedDocument("inbox", "GetInbox", new HaloError("validation", "Halo rejected the request GetInbox as invalid: bad"));
    expect(bare.message).toBe(`Halo rejected the request for the inbox (GetInbox), so its API may have changed: Halo rejected the request GetInbox as invalid: bad Please ${bug}.`);
    expect(bare.status).toBeUndefined();
  });

  it("confirmedRejection says the login works and the problem is this one request", () => {
    const e = confirmedRejection("GetClass");
    expect(e).toMatchObject({ kind: "upstream", operation: "GetClass" });
    expect(e.message).toBe("Halo refused GetClass although your login works (checked just now with another request); this is a problem with this one request on Halo's side, not your session.");
  });
});

describe("notRefreshable", () => {
  it("warns only for a login that is not a browser (open_id) sign-in", () => {
    expect(notRefreshable(undefined)).toBeUndefined();
    expect(notRefreshable("")).toBeUndefined();
    expect(notRefreshable("open_id")).toBeUndefined();
    expect(notRefreshable("local_auth")).toBe(
      "This login was not made by a browser sign-in, so Halo cannot refresh it and it will need a new sign-in when its tokens expire: run `halo-lms-mcp login` now for one that renews itself.",
    );
  });
});

describe("isOffline and the offline flag of check_tokens", () => {
  it("network, time-out, open breaker and 5xx are offline; answers about the login are not", () => {
    const offline = [new HaloError("network", "x"), new HaloError("timeout", "x"), new HaloError("circuit_open", "x"), new HaloError("http", "x", { status: 500 }), new HaloError("http", "x", { status: 503 })];
    for (const e of offline) expect(isOffline(e)).toBe(true);
    const online = [new HaloError("http", "x", { status: 499 }), new HaloError("http", "x"), new HaloError("auth", "x", { status: 500 }), new HaloError("upstream", "x"), new Error("network")];
    for (const e of online) expect(isOffline(e)).toBe(false);
    expect(isOffline(undefined)).toBe(false);
  });

  it("a status that could not be checked because Halo is down says so; any other failure has no flag", () => {
    const v = { source: "cookie" as const, canRefresh: true, hasTokens: true };
    expect(statusOf(v, new HaloError("timeout", "Halo did not answer session in time."))).toEqual({
      state: "unknown",
      source: "cookie",
      canRefresh: true,
      userId: undefined,
      expires: undefined,
      authMethod: "raw_tokens",
      lastRefreshAt: undefined,
      reloadedFromFileAt: undefined,
      message: "Halo did not answer session in time.",
      offline: true,
    });
    expect(statusOf(v, new HaloError("access", "no")).offline).toBeUndefined();
    expect(statusOf({ ...v, canRefresh: false }, new HaloError("session_expired", "over"))).toMatchObject({ state: "expired", source: "cookie" });
  });
});
