/** Edge cases of the format room that the everyday tests do not reach (found by mutation testing). */
import { describe, expect, it } from "vitest";
import { formatDate, isValidTimeZone, parseHaloDate, relative } from "../../src/format/dates.js";
import { decodeEntities, plainText } from "../../src/format/entities.js";
import { htmlToMarkdown, stripInvisible, textToHtml } from "../../src/format/html.js";
import { clip, fields, pageNote, plural, quoteLines, quoted } from "../../src/format/text.js";
import { endOfLocalDay, localDateKey } from "../../src/format/zoned.js";

const AZ = "America/Phoenix";

describe("parseHaloDate", () => {
  it("reads bare UTC stamps with surrounding spaces, seconds and fractions", () => {
    expect(parseHaloDate("  2026-11-23 06:59:30  ")?.toISOString()).toBe("2026-11-23T06:59:30.000Z");
    expect(parseHaloDate("2026-11-23T06:59")?.toISOString()).toBe("2026-11-23T06:59:00.000Z");
    expect(parseHaloDate("2026-11-23 06:59:07.123")?.toISOString()).toBe("2026-11-23T06:59:07.000Z");
  });

  it("trims before matching, so a padded bare stamp is never read in the process zone", () => {
    const tz = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      expect(parseHaloDate(" 2026-11-23 06:59:00 ")?.toISOString()).toBe("2026-11-23T06:59:00.000Z");
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it("reads bare stamps as UTC whatever the process zone, and ISO stamps with their offset", () => {
    // Date.parse would read "2026-11-23 06:59:00" as local time; the bare branch must take it.
    expect(parseHaloDate("2026-01-05 00:00:00")?.getTime()).toBe(Date.UTC(2026, 0, 5, 0, 0, 0));
    expect(parseHaloDate("2026-11-23T06:59:00-07:00")?.toISOString()).toBe("2026-11-23T13:59:00.000Z");
    expect(parseHaloDate("not a date")).toBeUndefined();
    expect(parseHaloDate("")).toBeUndefined();
    expect(parseHaloDate(null)).toBeUndefined();
  });
});

describe("formatDate and relative", () => {
  it("formats in the given zone and caches per zone without mixing zones", () => {
    const d = new Date("2026-11-23T06:59:00Z");
    expect(formatDate(d, AZ)).toBe("Sun Nov 22 2026 11:59 PM");
    expect(formatDate(d, "UTC")).toBe("Mon Nov 23 2026 6:59 AM");
    expect(formatDate(d, AZ)).toBe("Sun Nov 22 2026 11:59 PM");
  });

  it("uses the largest whole unit, singular at exactly one, and 'now' under a minute", () => {
    const now = new Date("2026-11-20T12:00:00Z");
    const at = (ms: number) => relative(new Date(now.getTime() + ms), now);
    expect(at(60_000)).toBe("in 1 minute");
    expect(at(-60_000)).toBe("1 minute ago");
    expect(at(59_999)).toBe("now");
    expect(at(0)).toBe("now");
    expect(at(3_600_000)).toBe("in 1 hour");
    expect(at(2 * 3_600_000 + 59 * 60_000)).toBe("in 2 hours");
    expect(at(86_400_000)).toBe("in 1 day");
    expect(at(-3 * 86_400_000)).toBe("3 days ago");
    expect(at(5 * 60_000)).toBe("in 5 minutes");
  });

  it("knows a real zone from a typo", () => {
    expect(isValidTimeZone(AZ)).toBe(true);
    expect(isValidTimeZone("America/Phoenixx")).toBe(false);
  });
});

describe("zoned days", () => {
  it("keys the calendar day in the zone, zero-padded", () => {
    expect(localDateKey(new Date("2026-03-05T06:59:00Z"), AZ)).toBe("2026-03-04");
    expect(localDateKey(new Date("2026-03-05T07:00:00Z"), AZ)).toBe("2026-03-05");
  });

  it("ends the local day at its last millisecond, seconds and minutes included", () => {
    expect(endOfLocalDay(new Date("2026-03-05T01:02:03Z"), AZ).toISOString()).toBe("2026-03-05T06:59:59.999Z");
    expect(endOfLocalDay(new Date("2026-03-05T18:45:59Z"), AZ).toISOString()).toBe("2026-03-06T06:59:59.999Z");
    expect(endOfLocalDay(new Date("2026-03-05T18:45:59Z"), "Asia/Kolkata").toISOString()).toBe("2026-03-06T18:29:59.999Z") // already Mar 6 there;
  });
});

describe("entities", () => {
  it("decodes decimal, lower and upper hex and named entities", () => {
    expect(decodeEntities("This week&#8217;s &#x2014; &#X2013; &AMP; &rsquo;")).toBe("This week’s — – & ’");
  });

  it("leaves out-of-range, zero and unknown references as written", () => {
    expect(decodeEntities("&#0; &#x110000; &#1114111; &bogus;")).toBe("&#0; &#x110000; \u{10ffff} &bogus;");
  });

  it("plainText decodes, drops invisibles, collapses whitespace and accepts null", () => {
    expect(plainText("  Week\u200B 1&nbsp;&amp;\n\t2 ")).toBe("Week 1 & 2");
    expect(plainText(null)).toBe("");
    expect(plainText(undefined)).toBe("");
  });
});

describe("html", () => {
  it("renders headings as #, bullets as -, emphasis with _, code fenced, tables and strikethrough", () => {
    const md = htmlToMarkdown("<h2>Week 1</h2><ul><li>one</li></ul><p><em>soft</em> <del>gone</del></p><pre><code>x = 1</code></pre><table><tr><th>A</th></tr><tr><td>1</td></tr></table>");
    expect(md).toContain("## Week 1");
    expect(md).toContain("- one"); // one space after the marker, not turndown's 4-column padding
    expect(md).not.toContain("-  ");
    expect(htmlToMarkdown("<ol><li>first</li><li>second<ul><li>inner</li></ul></li></ol>")).toBe("1. first\n2. second\n    - inner");
    expect(md).toContain("_soft_");
    expect(md).toContain("~gone~");
    expect(md).toContain("```\nx = 1\n```");
    expect(md).toContain("| A |");
  });

  it("drops active and embedded content, keeps image alt text only", () => {
    const md = htmlToMarkdown(
      '<p>a</p><script>s()</script><style>p{}</style><noscript>ns</noscript><iframe src="x">if</iframe><object>ob</object><embed src="e">' +
        '<img src="http://x/y.png" alt="chart"><img src="http://x/z.png">',
    );
    expect(md).toBe("a\n\n[image: chart]");
  });

  it("cleans spaces before newlines, collapses blank runs and non-breaking spaces", () => {
    expect(htmlToMarkdown("<p>one&nbsp;two   </p><br><br><br><p>three</p>")).toBe("one two\n\nthree");
    expect(htmlToMarkdown("")).toBe("");
    expect(htmlToMarkdown(null)).toBe("");
  });

  it("strips every invisible formatter", () => {
    expect(stripInvisible("a\u00AD\u200B\u202E\u2066\uFEFFb")).toBe("ab");
  });

  it("escapes text into paragraphs with line breaks", () => {
    expect(textToHtml('  a & <b> "q"\nline\n  \n\nnext  ')).toBe('<p>a &amp; &lt;b&gt; &quot;q&quot;<br>line</p><p>next</p>');
  });
});

describe("text", () => {
  it("quotes every line and marks empty bodies", () => {
    expect(quoteLines("  ")).toBe("> (empty)");
    expect(quoted("post by Ann", "hi\nthere")).toBe("Post by Ann:\n> hi\n> there");
  });

  it("clips at a line, else a word, else hard, trimming the trailing space", () => {
    expect(clip("short", 10, "more")).toBe("short");
    expect(clip("abcdefgh\nijklmnop", 12, "R")).toBe("abcdefgh\n[… truncated: showed 8 of 17 characters. R]");
    expect(clip("abcdefgh ijklmnop", 12, "R")).toBe("abcdefgh\n[… truncated: showed 8 of 17 characters. R]");
    expect(clip("abcdefghijklmnop", 10, "R")).toBe("abcdefghij\n[… truncated: showed 10 of 16 characters. R]");
    // a boundary too early (under 60% of the limit) is not used
    expect(clip("ab cdefghijklmnop", 10, "R")).toBe("ab cdefghi\n[… truncated: showed 10 of 17 characters. R]");
    expect(clip("abcdef  ghijklmnop", 9, "R")).toBe("abcdef\n[… truncated: showed 7 of 18 characters. R]");
    expect(clip("exactly10!", 10, "R")).toBe("exactly10!");
    // a boundary at exactly 60% of the limit is still used
    expect(clip("abcdef\nghijklmnop", 10, "R")).toBe("abcdef\n[… truncated: showed 6 of 17 characters. R]");
    expect(clip("abcdef ghijklmnop", 10, "R")).toBe("abcdef\n[… truncated: showed 6 of 17 characters. R]");
  });

  it("fields skips empty values, shows flags by name and bare values without a label", () => {
    expect(fields([["a", 1], ["b", undefined], ["c", null], ["d", ""], ["e", false], ["flag", true], ["", "bare"], ["z", 0]])).toBe("a: 1 · flag · bare · z: 0");
    expect(fields([["a", 1], ["b", 2]], ", ")).toBe("a: 1, b: 2");
  });

  it("plural", () => {
    expect(plural(1, "post")).toBe("1 post");
    expect(plural(0, "post")).toBe("0 posts");
    expect(plural(2, "reply", "replies")).toBe("2 replies");
  });

  it("pageNote with and without a total", () => {
    expect(pageNote(1, 20, 57, 20)).toBe("Showing 1–20 (page 1 of 3; pass page: 2 for more).");
    expect(pageNote(3, 20, 57, 17)).toBe("Showing 41–57 (page 3 of 3).");
    expect(pageNote(1, 20, 0, 0)).toBe("");
    expect(pageNote(5, 20, 57, 0)).toBe("Showing none (page 5 of 3).");
    expect(pageNote(1, 20, undefined, 5)).toBe("");
    expect(pageNote(2, 20, undefined, 20)).toBe("Showing 21–40; pass page: 3 for more.");
    expect(pageNote(2, 20, undefined, 5)).toBe("Showing 21–25 (last page).");
  });
});
