import { describeArticleProblem, describeContentProblem, type ProblemOccasion } from "../../content/problem-text.js";
import type { ArticleProblem, ChangeVerb, ContentProblem, FollowUpFailure, MetadataRule, NotArticleShape, SystemDetail } from "../../content/problems.js";
import { commandTexts } from "./commands.js";
import { formatByteSize, type Lang } from "./locale.js";

/**
 * Content problems (a refused upload, a file that does not load, a failed
 * reindex) worded per locale from their facts. English is the core's own
 * wording (problem-text.ts), which the CLI and the logs use too.
 */

/** A system error in German: its errno code, or its (English) text marked as the system's quotation. */
function systemDe(detail: SystemDetail): string {
  return detail.code !== null ? `Systemfehler ${detail.code}` : `Meldung des Systems: „${detail.message}“`;
}

const METADATA_RULES_DE: Readonly<Record<MetadataRule, string>> = {
  "non-empty": "darf nicht leer sein",
  "too-long": "ist zu lang",
  url: "muss eine http(s)-Adresse sein, etwa https://example.com/artikel",
  date: "muss ein Datum sein, etwa 2023-09-05, 05.09.2023 oder 5. September 2023",
  invalid: "ist ungültig",
};

function articleProblemDe(problem: ArticleProblem): string {
  switch (problem.kind) {
    case "empty":
      return problem.whitespaceOnly ? "die Datei enthält nur Leerraum" : "die Datei ist leer";
    case "html-too-complex":
      return (
        `ihr HTML ist ${problem.depth} Ebenen tief verschachtelt und hat ${problem.elements} Elemente, mehr als eine Nachrichtenseite hat ` +
        `(gelesen werden höchstens ${problem.maxDepth} Ebenen und ${problem.maxElements} Elemente)`
      );
    case "no-article-text":
      return "die Webseite enthält keinen Artikeltext: außer Navigation, Skripten und anderem Seitenbeiwerk wurde kein Haupttext gefunden";
    case "no-paragraphs":
      return (
        `nach dem Bereinigen bleibt kein Absatz: von ${problem.blocks} Textblöcken waren ${problem.boilerplate} Verlagshinweise, ` +
        `${problem.sources} Quellenangaben und der Rest Titel oder Zwischenüberschriften`
      );
    case "metadata-value": {
      const rule = problem.rule === "too-long" && problem.limit !== null ? `ist länger als ${problem.limit} Zeichen` : METADATA_RULES_DE[problem.rule];
      return `${problem.origin === "front-matter" ? "Front Matter" : "Metadatenzeilen"}: „${problem.field}“ ${rule}`;
    }
    case "front-matter-line":
      return `Zeile ${problem.line} des Front Matter hat nicht die Form „Schlüssel: Wert“: ${JSON.stringify(problem.text)}`;
    case "charset-unsupported":
      return `die Seite gibt den Zeichensatz „${problem.charset}“ an, der nicht unterstützt wird; bitte als UTF-8 speichern`;
    case "charset-mismatch":
      return `die Seite ist kein gültiges ${problem.charset}, obwohl sie das angibt; bitte als UTF-8 speichern`;
    case "utf16":
      return "die Datei ist UTF-16-kodiert; bitte als UTF-8 speichern";
    case "invalid-utf8":
      return `die Datei ist kein gültiges UTF-8 (erstes fehlerhaftes Byte an Position ${problem.offset}, Zeile ${problem.line}); bitte als UTF-8 speichern`;
    case "nul-bytes":
      return "die Datei enthält NUL-Bytes: sie sieht nach einer Binärdatei aus, nicht nach Text";
    case "control-bytes":
      return `die Datei sieht binär aus: ${problem.count} von ${problem.total} Bytes sind Steuerzeichen`;
    case "unsupported-type":
      return `dieser Dateityp wird nicht unterstützt (erwartet: ${problem.formats.join(", ")})`;
    case "read-failed":
      return `die Datei kann nicht gelesen werden (${systemDe(problem.detail)})`;
    case "duplicate-id":
      return `hat dieselbe Artikel-ID „${problem.id}“ wie ${problem.clash}; bitte eine der beiden umbenennen`;
    case "no-article-files":
      return `keine Artikeldateien (${problem.formats.join(", ")})`;
  }
}

const VERBS_DE: Readonly<Record<ChangeVerb, string>> = { added: "hinzugefügt", replaced: "ersetzt", removed: "entfernt" };

function shapeDe(shape: NotArticleShape): string {
  return shape.kind === "mostly-structure"
    ? `${shape.percent} % ihrer Zeilen sind Code, Tabellen, Listen, Überschriften oder Links, während ein Artikel vor allem aus Fließtext besteht`
    : "sie hat keinen Absatz aus ganzen Sätzen";
}

function followUpDe(cause: FollowUpFailure): string {
  if (cause.kind === "error") return `der nächste Schritt ist fehlgeschlagen (${systemDe(cause.detail)})`;
  return `der Index konnte nicht neu aufgebaut werden, daher bleibt der bisherige in Gebrauch: ${reindexProblemsText(cause.problems, "de")}`;
}

function contentProblemDe(problem: ContentProblem, occasion: ProblemOccasion): string {
  const notAdded = (file: string): string => `„${file}“ ${occasion === "check" ? "kann nicht hinzugefügt werden" : "wurde nicht hinzugefügt"}`;
  const reindex = `/${commandTexts.reindex.de.name}`;
  switch (problem.kind) {
    case "invalid-request":
      return `${problem.change === "add" ? "Der Upload wurde nicht angenommen" : "Es wurde nichts entfernt"}: „${problem.field}“ fehlt oder ist ungültig.`;
    case "unsupported-type":
      return `${notAdded(problem.file)}: nur Dateien vom Typ ${problem.formats.join(", ")} können Artikel sein.`;
    case "too-large":
      return `${notAdded(problem.file)}: die Datei ist ${formatByteSize(problem.bytes, "de")} groß, mehr als die Grenze von ${formatByteSize(problem.limit, "de")}.`;
    case "unreadable-upload":
      return `${notAdded(problem.file)}: ${articleProblemDe(problem.problem)}.`;
    case "not-an-article":
      return (
        `${notAdded(problem.file)}: die Datei sieht nicht nach einem Nachrichtenartikel aus (${shapeDe(problem.shape)}). ` +
        `Ist sie doch einer, kann der Betreiber sie mit npm run reindex -- --add DATEI --force hinzufügen.`
      );
    case "duplicate-title":
      return (
        `${notAdded(problem.file)}: der Artikel „${problem.title}“ ist schon als „${problem.existingId}“ (${problem.existingFile}) vorhanden. ` +
        `Entferne zuerst diesen, oder ersetze ihn, indem du unter demselben Dateinamen hochlädst.`
      );
    case "already-exists":
      return (
        `${notAdded(problem.file)}: es gibt schon einen Artikel mit der ID „${problem.id}“ (${problem.existingFile}` +
        `${problem.existingTitle === null ? "" : `, „${problem.existingTitle}“`}). ` +
        `Lade ihn mit ${commandTexts.reindex.options.replace.de.name}: True erneut hoch, um ihn zu überschreiben, oder benenne die Datei um.`
      );
    case "not-found":
      return `Es gibt keinen Artikel mit der ID „${problem.id}“. Vorhandene Artikel: ${problem.known.join(", ") || "keine"}.`;
    case "last-article":
      return `„${problem.title}“ ist der einzige Artikel und wurde deshalb nicht entfernt: der Bot hätte sonst nichts, woraus er antworten kann. Füge zuerst einen anderen Artikel hinzu.`;
    case "server-limit":
      return problem.limit === "articles"
        ? `${notAdded(problem.file)}: dieser Server hätte dann ${problem.total} eigene Artikel, mehr als die Grenze von ${problem.max}. Entferne zuerst einen.`
        : `${notAdded(problem.file)}: die Artikel dieses Servers wären dann ${formatByteSize(problem.total, "de")} groß, mehr als die Grenze von ${formatByteSize(problem.max, "de")}. Entferne zuerst einen.`;
    case "shared-clash":
      return (
        `${notAdded(problem.file)}: ${problem.clash === "id" ? `die ID „${problem.id}“` : `der Titel „${problem.title}“`} gehört zu „${problem.title}“ (${problem.id}), ` +
        `einem der Artikel, die alle Server gemeinsam haben. Benenne die Datei um, oder bitte den Betreiber des Bots, den gemeinsamen Artikel zu ändern.`
      );
    case "shared-not-removable":
      return `„${problem.title}“ (${problem.id}) gehört zu den Artikeln, die alle Server gemeinsam haben, und kann hier nicht entfernt werden. Das kann nur der Betreiber des Bots.`;
    case "folder-busy":
      return `Gerade ändert ein anderer Prozess des Bots${problem.pid > 0 ? ` (PID ${problem.pid})` : ""} die Artikel. Bitte versuch es noch einmal, wenn er fertig ist.`;
    case "folder-unreadable":
      return `Der Inhaltsordner kann nicht gelesen werden (${systemDe(problem.detail)}).`;
    case "write-failed":
      return problem.subject === null || problem.verb === null
        ? `Die Änderung konnte nicht vorgenommen werden (${systemDe(problem.detail)}). Es wurde nichts geändert.`
        : `„${problem.subject}“ wurde nicht ${VERBS_DE[problem.verb]}: das Schreiben in den Inhaltsordner ist fehlgeschlagen (${systemDe(problem.detail)}). Es wurde nichts geändert.`;
    case "not-applied":
      return (
        `„${problem.subject}“ wurde nicht ${VERBS_DE[problem.verb]}: ${followUpDe(problem.cause)}. ` +
        `Die Dateiänderung wurde rückgängig gemacht; Artikel und Index sind wie vorher.`
      );
    case "rollback-failed":
      return (
        `„${problem.subject}“ wurde nicht ${VERBS_DE[problem.verb]} (${systemDe(problem.detail)}), und auch das Wiederherstellen der vorherigen Dateien ` +
        `ist fehlgeschlagen (${problem.undoFailures.map(systemDe).join("; ")}). Bitte prüfe den Inhaltsordner von Hand und führe dann ${reindex} aus.`
      );
  }
}

/** What is wrong with an article file, without the file name, in `lang`. */
export function articleProblemText(problem: ArticleProblem, lang: Lang): string {
  return lang === "de" ? articleProblemDe(problem) : describeArticleProblem(problem);
}

/** Why a content change did not happen (or, on a check, would not), in `lang`. */
export function contentProblemText(problem: ContentProblem, lang: Lang, occasion: ProblemOccasion = "change"): string {
  return lang === "de" ? contentProblemDe(problem, occasion) : describeContentProblem(problem, occasion);
}

/** Why a reindex failed (every file that did not load), in `lang`. */
export function reindexProblemsText(problems: readonly { file: string; problem: ArticleProblem }[], lang: Lang): string {
  return problems.map((entry) => `${entry.file}: ${articleProblemText(entry.problem, lang)}`).join("; ");
}
