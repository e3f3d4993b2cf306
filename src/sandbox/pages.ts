/**
 * The web host's own pages, so the links our answers carry (class, assignment, group and quiz pages) open
 * something real in the demo instead of a 404. Real Halo renders its React app behind the login; the sandbox
 * answers with a small page naming what the link points at, and says it is simulated. They need no session, so
 * a link opened from the demo in any browser shows its page.
 */
import type { State } from "./state.js";
import type { AssessmentRec, ClassRec } from "./world/types.js";

const esc = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string, status = 200): Response {
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)} · Halo (simulated)</title></head>` +
    `<body><div id="__next"><p><em>Simulated Halo (halo-lms-mcp sandbox): the real Halo shows this page after you sign in.</em></p>${body}</div></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}

function assessmentList(cls: ClassRec, only?: (a: AssessmentRec) => boolean): string {
  const rows = cls.units.flatMap((u) => u.assessments.filter((a) => !only || only(a)).map((a) =>
    `<li id="assignment-submission/${esc(a.id)}"><strong>${esc(a.title)}</strong> (${esc(a.type)}, ${a.points} pts) due ${esc(a.dueDate)}</li>`));
  return rows.length ? `<ul>${rows.join("")}</ul>` : "<p>No assignments.</p>";
}

function findAssessment(s: State, id: string): { cls: ClassRec; a: AssessmentRec } | undefined {
  for (const cls of s.world.classes) for (const u of cls.units) for (const a of u.assessments) if (a.id === id) return { cls, a };
  return undefined;
}

/** A page for GET /courses/{slug}[/groups] and /quiz/{id}; undefined for any other path (signin.ts has `/`). */
export function webPage(s: State, url: URL): Response | undefined {
  const course = /^\/courses\/([^/]+)(\/groups)?\/?$/.exec(url.pathname);
  if (course) {
    const cls = s.world.classes.find((c) => c.slugId === decodeURIComponent(course[1] ?? ""));
    if (!cls) return page("Not found", "<h1>No such class</h1>", 404);
    if (course[2]) {
      const id = url.searchParams.get("assessmentId");
      return page(`${cls.courseCode} groups`, `<h1>${esc(cls.courseCode)}: group work</h1>${assessmentList(cls, (a) => a.isGroupEnabled && (!id || a.id === id))}`);
    }
    // The assignment itself is named by the URL fragment (#assignment-submission/{id}), which the browser keeps.
    return page(cls.name, `<h1>${esc(cls.courseCode)}: ${esc(cls.name)}</h1><p>${esc(cls.startDate)} – ${esc(cls.endDate)}</p>${assessmentList(cls)}`);
  }
  const quiz = /^\/quiz\/([^/]+)\/?$/.exec(url.pathname);
  if (quiz) {
    const hit = findAssessment(s, decodeURIComponent(quiz[1] ?? ""));
    if (!hit) return page("Not found", "<h1>No such quiz</h1>", 404);
    return page(hit.a.title, `<h1>${esc(hit.a.title)}</h1><p>${esc(hit.cls.courseCode)} · ${hit.a.points} pts · due ${esc(hit.a.dueDate)}</p>`);
  }
  return undefined;
}
