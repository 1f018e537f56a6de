import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { ContentError, ContentLibrary, type ArticleChange, type ContentActor } from "../../src/content/library/index.js";
import { pino } from "pino";
import { silentLogger } from "../../src/log.js";
import { BUNDLED_ID, contentFixture, failingHalfway, readAuditLog, SECOND_ARTICLE, snapshot } from "../helpers/content-fixtures.js";

const MODERATOR: ContentActor = { via: "discord", id: "123456789012345678", name: "mod" };

describe("ContentLibrary", () => {
  let contentDir: string;
  let auditLogFile: string;
  let library: ContentLibrary;
  let before: Record<string, string>;

  beforeEach(async () => {
    ({ contentDir, auditLogFile } = await contentFixture());
    library = new ContentLibrary({ contentDir, auditLogFile, logger: silentLogger() });
    before = await snapshot(contentDir);
  });

  /** Runs an upload that must be refused, checks nothing on disk changed, and returns the error. */
  async function refusedUpload(fileName: string, bytes: Uint8Array, replace = false): Promise<ContentError> {
    const error = await library.addArticle({ fileName, bytes, actor: MODERATOR, replace }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    expect(await snapshot(contentDir)).toEqual(before);
    return error as ContentError;
  }

  describe("adding", () => {
    it("parses first, then writes the article under a name made from its id and audits the change", async () => {
      const change = await library.addArticle({ fileName: "Wasserstoff Züge.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR });
      expect(change).toMatchObject<Partial<ArticleChange>>({
        action: "added",
        articleId: "wasserstoff-zuege",
        title: "Wasserstoffzüge fahren im Elbe-Weser-Netz",
        fileName: "wasserstoff-zuege.txt",
        requestedFileName: "Wasserstoff Züge.txt",
        paragraphs: 3,
      });
      expect(change.message).toMatch(
        /Added "Wasserstoffzüge fahren im Elbe-Weser-Netz" \(id wasserstoff-zuege, 3 paragraphs\)\. Saved as wasserstoff-zuege\.txt/,
      );
      expect(await readFile(path.join(contentDir, "wasserstoff-zuege.txt"), "utf8")).toBe(SECOND_ARTICLE);
      // Only the new file appeared: no temporary files are left behind.
      expect(Object.keys(await snapshot(contentDir))).toEqual([...Object.keys(before), "wasserstoff-zuege.txt"].sort());
      const audit = await readAuditLog(auditLogFile);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor: MODERATOR, action: "add", article: "wasserstoff-zuege", outcome: "success" });
      // "change" is the id of the intent record that made the change crash-safe.
      expect(Object.keys(audit[0] ?? {}).sort()).toEqual(["action", "actor", "article", "change", "detail", "outcome", "time"]);
      expect(new Date(String(audit[0]?.time)).getTime()).not.toBeNaN();
    });

    it("refuses an empty file", async () => {
      const error = await refusedUpload("leer.txt", Buffer.alloc(0));
      expect(error.code).toBe("empty");
      expect(error.message).toBe('"leer.txt" was not added: the file is empty.');
    });

    it("refuses a file of only whitespace", async () => {
      const error = await refusedUpload("blank.md", Buffer.from(" \n\n\t  \r\n"));
      expect(error.code).toBe("empty");
      expect(error.message).toMatch(/only whitespace/);
    });

    it("refuses a binary file renamed to .txt", async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01]);
      const error = await refusedUpload("foto.txt", png);
      expect(error.code).toBe("binary");
      expect(error.message).toMatch(/"foto\.txt" was not added: .*binary file, not text/);
    });

    it("refuses invalid UTF-8 and says where", async () => {
      const latin1 = Buffer.from("Titel: Grüße\n\nEin Absatz über Bäcker und Brötchen.\n", "latin1");
      const error = await refusedUpload("latin1.txt", latin1);
      expect(error.code).toBe("encoding");
      expect(error.message).toMatch(/not valid UTF-8 \(first bad byte at offset \d+, line 1\); save it as UTF-8/);
    });

    it("refuses a file over the size limit before parsing it", async () => {
      const big = Buffer.alloc(1_000_001, "a");
      const error = await refusedUpload("riesig.txt", big);
      expect(error.code).toBe("too-large");
      expect(error.message).toBe('"riesig.txt" was not added: it is 1 MB, more than the limit of 1 MB.');
      const small = new ContentLibrary({ contentDir, auditLogFile, logger: silentLogger(), maxUploadBytes: 100 });
      const smallError = await small.addArticle({ fileName: "x.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR }).catch((caught: unknown) => caught);
      expect(smallError).toMatchObject({ code: "too-large" });
      expect((smallError as Error).message).toMatch(/more than the limit of 100 bytes/);
    });

    it("refuses HTML without article text", async () => {
      const page = '<html><head><title>Startseite</title><script>track()</script></head><body><nav><a href="/">Home</a></nav></body></html>';
      const error = await refusedUpload("start.html", Buffer.from(page));
      expect(error.code).toBe("no-article-text");
      expect(error.message).toMatch(/"start\.html" was not added: the web page has no article text/);
    });

    it("refuses an article with no paragraphs after cleaning", async () => {
      const onlyBoilerplate =
        "Artikel teilen\nMehr als 150 Journalistinnen und Journalisten berichten rund um die Uhr für Sie über das Geschehen in Deutschland und der Welt.\n";
      const error = await refusedUpload("werbung.txt", Buffer.from(onlyBoilerplate));
      expect(error.code).toBe("no-paragraphs");
      expect(error.message).toMatch(/no paragraphs left after cleaning/);
    });

    it("refuses unsupported file types", async () => {
      const error = await refusedUpload("artikel.pdf", Buffer.from("%PDF-1.7"));
      expect(error.code).toBe("unsupported-type");
      expect(error.message).toMatch(/only \.txt, \.md, \.markdown, \.html, \.htm files can be articles/);
    });

    it("saves names with ../, absolute paths or odd characters under a safe name inside the folder", async () => {
      const names = [
        "../../etc/evil.txt",
        "/tmp/absolute.md",
        "C:\\Users\\mod\\win.txt",
        "..\\..\\up.txt",
        ".hidden.txt",
        "  Ünïcödé ☢ <script>.txt",
        "a\u0000b.txt",
      ];
      const saved: string[] = [];
      for (const [index, name] of names.entries()) {
        // Each needs its own title, or the duplicate-title check would refuse the second.
        const text = SECOND_ARTICLE.replace("Wasserstoffzüge fahren im Elbe-Weser-Netz", `Artikel Nummer ${index + 1} über Wasserstoffzüge`);
        const change = await library.addArticle({ fileName: name, bytes: Buffer.from(text), actor: MODERATOR });
        expect(change.requestedFileName).toBe(name);
        saved.push(change.fileName);
      }
      expect(saved).toEqual(["evil.txt", "absolute.md", "win.txt", "up.txt", "hidden.txt", "uenicoede-script.txt", "a-b.txt"]);
      const files = Object.keys(await snapshot(contentDir));
      expect(files.sort()).toEqual([...saved, `${BUNDLED_ID}.txt`].sort());
      for (const file of files) expect(file).toMatch(/^[a-z0-9-]+\.(?:txt|md)$/);
    });

    it("refuses a file of 300,000 short lines with a reason, instead of overflowing the stack", async () => {
      const lines = Buffer.from("a\n".repeat(300_000));
      await expect(library.addArticle({ fileName: "zeilen.txt", bytes: lines, actor: MODERATOR })).rejects.toMatchObject({
        code: "not-an-article",
        message: expect.stringMatching(/does not look like a news article \(it has no paragraph of full sentences\)/),
      });
    });

    it("refuses a duplicate title, even with replace", async () => {
      const sameTitle =
        "Titel: Waffen aus Nordkorea für Russland – Putins letzter Ausweg?\n\nEin ganz anderer Text mit einem eigenen Absatz über etwas anderes.\n";
      const bundledTitle =
        "Titel: Waffen aus Nordkorea für Russland Putins letzter Ausweg?\n\nEin ganz anderer Text mit einem eigenen Absatz über etwas anderes.\n";
      await library.addArticle({ fileName: "anders.txt", bytes: Buffer.from(sameTitle), actor: MODERATOR });
      before = await snapshot(contentDir);
      const error = await refusedUpload("kopie.txt", Buffer.from(bundledTitle.toUpperCase().replace("TITEL:", "Titel:")), true);
      expect(error.code).toBe("duplicate-title");
      expect(error.message).toMatch(/already in the library as "nordkorea-russland-waffen" \(nordkorea-russland-waffen\.txt\)/);
    });

    it("refuses the id of an existing article unless replace is set, and then says it replaced it", async () => {
      const second = Buffer.from(SECOND_ARTICLE);
      await library.addArticle({ fileName: "zuege.txt", bytes: second, actor: MODERATOR });
      before = await snapshot(contentDir);
      const edited = Buffer.from(SECOND_ARTICLE.replace("vierzehn Züge", "fünfzehn Züge"));
      const error = await refusedUpload("Zuege.txt", edited);
      expect(error.code).toBe("already-exists");
      expect(error.message).toMatch(
        /an article with the id "zuege" already exists \(zuege\.txt, "Wasserstoffzüge fahren im Elbe-Weser-Netz"\)\. Upload it again with replace/,
      );

      const replaced = await library.addArticle({ fileName: "zuege.txt", bytes: edited, actor: MODERATOR, replace: true });
      expect(replaced.action).toBe("replaced");
      expect(replaced.message).toMatch(/^Replaced "Wasserstoffzüge fahren im Elbe-Weser-Netz" with "Wasserstoffzüge fahren im Elbe-Weser-Netz"/);
      expect(await readFile(path.join(contentDir, "zuege.txt"), "utf8")).toMatch(/fünfzehn Züge/);
      const actions = (await readAuditLog(auditLogFile)).map((entry) => [entry.action, entry.outcome]);
      expect(actions).toEqual([
        ["add", "success"],
        ["add", "refused"],
        ["replace", "success"],
      ]);
    });

    it("replacing with another extension removes the old file, so one id never has two files", async () => {
      await library.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR });
      const markdown = `# Wasserstoffzüge fahren im Elbe-Weser-Netz\n\nNeue Fassung des Artikels als Markdown. Sie hat nur einen Absatz.\n`;
      await library.addArticle({ fileName: "zuege.md", bytes: Buffer.from(markdown), actor: MODERATOR, replace: true });
      expect(Object.keys(await snapshot(contentDir)).sort()).toEqual([`${BUNDLED_ID}.txt`, "zuege.md"]);
    });

    it("audits refusals and rejects malformed requests without touching the folder", async () => {
      await refusedUpload("leer.txt", Buffer.alloc(0));
      const malformed = await library.addArticle({ fileName: "", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR }).catch((caught: unknown) => caught);
      expect(malformed).toMatchObject({ code: "invalid-request" });
      expect(await snapshot(contentDir)).toEqual(before);
      const audit = await readAuditLog(auditLogFile);
      expect(audit.map((entry) => [entry.action, entry.article, entry.outcome])).toEqual([
        ["add", "leer", "refused"],
        ["add", null, "refused"],
      ]);
      expect(String(audit[0]?.detail)).toMatch(/the file is empty/);
    });
  });

  describe("checking", () => {
    it("reads an upload as adding it would, and writes nothing, not even an audit line", async () => {
      const check = await library.checkArticle({ fileName: "Wasserstoff Züge.txt", bytes: Buffer.from(SECOND_ARTICLE) });
      expect(check).toMatchObject({ articleId: "wasserstoff-zuege", fileName: "wasserstoff-zuege.txt", notAnArticle: null, replaces: null });
      expect(check.reading.title).toBe("Wasserstoffzüge fahren im Elbe-Weser-Netz");
      expect(check.reading.paragraphCount).toBe(3);
      expect(check.reading.sections.flatMap((section) => section.paragraphs.map((paragraph) => paragraph.number))).toEqual([1, 2, 3]);
      expect(await snapshot(contentDir)).toEqual(before);
      expect(await readAuditLog(auditLogFile)).toEqual([]);
      // Adding it then reports the same reading.
      const change = await library.addArticle({ fileName: "Wasserstoff Züge.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR });
      expect(change.reading).toEqual(check.reading);
    });

    it("says which article an upload would replace, and why a text would be refused as not an article", async () => {
      const existing = await readFile(path.join(contentDir, `${BUNDLED_ID}.txt`));
      const again = await library.checkArticle({ fileName: `${BUNDLED_ID}.txt`, bytes: existing });
      expect(again.replaces).toEqual({ fileName: `${BUNDLED_ID}.txt`, title: expect.stringContaining("Nordkorea") as unknown });
      const readme = ["# Tool", "", "```sh", "npm install", "npm start", "npm test", "```", "", "- one", "- two", "- three", "- four"].join("\n");
      const notArticle = await library.checkArticle({ fileName: "README.md", bytes: Buffer.from(readme) });
      expect(notArticle.notAnArticle).toEqual({ kind: "mostly-structure", percent: 100 });
      expect(await snapshot(contentDir)).toEqual(before);
    });

    it("refuses what adding refuses about the file itself", async () => {
      await expect(library.checkArticle({ fileName: "foto.pdf", bytes: Buffer.from("%PDF") })).rejects.toMatchObject({ code: "unsupported-type" });
      await expect(library.checkArticle({ fileName: "leer.txt", bytes: Buffer.alloc(0) })).rejects.toMatchObject({ code: "empty" });
      expect(await readAuditLog(auditLogFile)).toEqual([]);
    });
  });

  describe("removing", () => {
    it("removes an article's file and audits it", async () => {
      await library.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR });
      const change = await library.removeArticle({ articleId: "zuege", actor: MODERATOR });
      expect(change).toMatchObject({ action: "removed", articleId: "zuege", fileName: "zuege.txt", title: "Wasserstoffzüge fahren im Elbe-Weser-Netz" });
      expect(await snapshot(contentDir)).toEqual(before);
      expect((await readAuditLog(auditLogFile)).at(-1)).toMatchObject({ action: "remove", article: "zuege", outcome: "success" });
    });

    it("refuses an unknown id and names the known ones", async () => {
      const error = await library.removeArticle({ articleId: "gibt-es-nicht", actor: MODERATOR }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: "not-found" });
      expect((error as Error).message).toBe(`There is no article with the id "gibt-es-nicht". Articles: ${BUNDLED_ID}.`);
    });

    it("refuses to remove the last article", async () => {
      const error = await library.removeArticle({ articleId: BUNDLED_ID, actor: MODERATOR }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: "last-article" });
      expect((error as Error).message).toMatch(/is the only article, so it was not removed/);
      expect(await snapshot(contentDir)).toEqual(before);
      expect((await readAuditLog(auditLogFile)).at(-1)).toMatchObject({ action: "remove", outcome: "refused" });
    });
  });

  describe("when something fails after the checks", () => {
    it("a write failing halfway leaves the folder exactly as it was", async () => {
      const disk = failingHalfway((file) => file.includes("zuege"));
      const failing = new ContentLibrary({ contentDir, auditLogFile, logger: silentLogger(), fileOperations: disk });
      const error = await failing
        .addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR })
        .catch((caught: unknown) => caught);
      expect(disk.failures).toBe(1);
      expect(error).toMatchObject({ code: "write-failed" });
      expect((error as Error).message).toMatch(/writing to the content folder failed \(ENOSPC: no space left on device, write\)\. Nothing was changed\./);
      expect(await snapshot(contentDir)).toEqual(before);
      expect((await readAuditLog(auditLogFile)).at(-1)).toMatchObject({ outcome: "failed" });
    });

    it("a replacement failing halfway keeps the old version", async () => {
      await library.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR });
      before = await snapshot(contentDir);
      const failing = new ContentLibrary({ contentDir, auditLogFile, logger: silentLogger(), fileOperations: failingHalfway(() => true) });
      const edited = Buffer.from(SECOND_ARTICLE.replace("vierzehn", "zwanzig"));
      await expect(failing.addArticle({ fileName: "zuege.txt", bytes: edited, actor: MODERATOR, replace: true })).rejects.toMatchObject({
        code: "write-failed",
      });
      expect(await snapshot(contentDir)).toEqual(before);
    });

    it("undoes an addition, a replacement and a removal when the follow-up step (the reindex) fails", async () => {
      const failReindex = { afterWrite: async () => Promise.reject(new Error("the index could not be rebuilt")) };
      const added = await library
        .addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR }, failReindex)
        .catch((caught: unknown) => caught);
      expect(added).toMatchObject({ code: "not-applied" });
      expect((added as Error).message).toBe(
        '"zuege.txt" was not added: the index could not be rebuilt. The file change was undone; the articles and the index are as before.',
      );
      expect(await snapshot(contentDir)).toEqual(before);

      await library.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR });
      before = await snapshot(contentDir);

      // Replacing zuege.txt by zuege.md writes one file and deletes the other: both steps are undone.
      const edited = Buffer.from(SECOND_ARTICLE.replace("vierzehn", "zwanzig"));
      await expect(library.addArticle({ fileName: "zuege.md", bytes: edited, actor: MODERATOR, replace: true }, failReindex)).rejects.toMatchObject({
        code: "not-applied",
        message: expect.stringMatching(/^"zuege\.md" was not replaced: /),
      });
      expect(await snapshot(contentDir)).toEqual(before);
      await expect(library.removeArticle({ articleId: "zuege", actor: MODERATOR }, failReindex)).rejects.toMatchObject({ code: "not-applied" });
      expect(await snapshot(contentDir)).toEqual(before);
      const outcomes = (await readAuditLog(auditLogFile)).map((entry) => `${String(entry.action)}:${String(entry.outcome)}`);
      expect(outcomes.slice(-2)).toEqual(["replace:failed", "remove:failed"]);
    });

    it("runs changes one at a time, so two uploads of the same id cannot both pass the checks", async () => {
      const results = await Promise.allSettled([
        library.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR }),
        library.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE.replace("vierzehn", "zwanzig")), actor: MODERATOR }),
      ]);
      expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected"]);
      expect(await readFile(path.join(contentDir, "zuege.txt"), "utf8")).toBe(SECOND_ARTICLE);
    });
  });
});

describe("ContentLibrary audit log that cannot be written", () => {
  it("logs what happened, never the user id", async () => {
    const fixture = await contentFixture();
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    // A directory where the audit file should be: appending to it fails.
    const library = new ContentLibrary({ contentDir: fixture.contentDir, auditLogFile: fixture.stateDir, logger });
    const actor: ContentActor = { via: "discord", id: "1100000000000000999", name: "moderatorin" };
    await library.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor });
    const failure = lines.map((line) => JSON.parse(line) as { event?: string; entry?: unknown }).find((entry) => entry.event === "audit_write_failed");
    expect(failure?.entry).toEqual({ action: "add", article: "zuege", outcome: "success" });
    expect(lines.join("\n")).not.toMatch(/1100000000000000999|moderatorin/);
  });
});
