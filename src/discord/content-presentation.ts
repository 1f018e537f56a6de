/**
 * Message payloads for the content commands (/articles, /reindex,
 * /remove-article): the article list, reindex progress and report, upload
 * refusals and the removal confirmation. Pure functions, like presentation.ts.
 */
import { ButtonStyle, ComponentType, type APIEmbed, type APIEmbedField } from "discord.js";
import type { ReindexProgress, ReindexReport } from "../answer/types.js";
import type { ArticleInfo, ServiceStatus } from "../answer/types.js";
import type { ArticleChange } from "../content/library/index.js";
import type { ArticleLoadProblem } from "../content/problems.js";
import { articleProblemText, formatByteSize, formatDate, messages, type Lang } from "./i18n/index.js";
import {
  EMBED_COLOR,
  LIMITS,
  NO_MENTIONS,
  escapeDiscordText,
  fitEmbedTotal,
  fitEscaped,
  fitEscapedInline,
  fitPlain,
  safeLinkUrl,
  singleLine,
  type MessagePayload,
} from "./presentation/index.js";
import type { UploadProblem } from "./upload.js";

/** An article id as shown: ids made from file names are plain, but an id is data like any other. */
export function shownId(id: string): string {
  return /^[a-z0-9-]{1,80}$/.test(id) ? `\`${id}\`` : fitEscapedInline(id, 80);
}

// ---------------------------------------------------------------------------
// Progress and report

/** "⏳ Index wird neu aufgebaut – Absätze werden eingebettet" plus the counts line. */
export function progressText(progress: ReindexProgress, lang: Lang): string {
  const text = messages(lang).content;
  return [
    `⏳ ${text.taskName(progress.task)} – ${text.phaseName(progress.phase)}`,
    text.counts(progress.articlesDone, progress.articlesTotal, progress.paragraphsDone, progress.paragraphsTotal),
  ].join("\n");
}

export function presentProgress(progress: ReindexProgress, lang: Lang): MessagePayload {
  return { content: progressText(progress, lang), embeds: [], components: [], allowedMentions: NO_MENTIONS };
}

export function presentAlreadyRunning(progress: ReindexProgress | null, lang: Lang): MessagePayload {
  const text = messages(lang).content;
  const line = progress ? progressText(progress, lang) : "";
  return { content: fitPlain(text.alreadyRunning(line).trimEnd(), LIMITS.content), embeds: [], components: [], allowedMentions: NO_MENTIONS };
}

/** "3 · a, b, c" within a field value; ids are escaped. */
function idField(name: string, ids: readonly string[]): APIEmbedField {
  if (ids.length === 0) return { name, value: "0", inline: true };
  const listed: string[] = [];
  let used = String(ids.length).length + 3;
  for (const id of ids) {
    const shown = shownId(id);
    // Room is kept for ", …".
    if (used + shown.length + 2 > LIMITS.fieldValue - 3) {
      listed.push("…");
      break;
    }
    listed.push(shown);
    used += shown.length + 2;
  }
  return { name, value: `${ids.length} · ${listed.join(", ")}`, inline: true };
}

/** What a file change did, in the moderator's language. */
function changeLine(change: ArticleChange, lang: Lang): string {
  const text = messages(lang).content;
  const title = (value: string | null): string | null => (value === null ? null : fitEscapedInline(singleLine(value), 150));
  const id = shownId(change.articleId);
  let line: string;
  if (change.action === "added") line = text.changeAdded(title(change.title) ?? id, id, change.paragraphs);
  else if (change.action === "replaced") line = text.changeReplaced(title(change.title) ?? id, title(change.previousTitle), id, change.paragraphs);
  else line = text.changeRemoved(title(change.previousTitle ?? change.title), id);
  const saved = change.requestedFileName === null ? line : `${line} ${text.savedAs(fitEscapedInline(change.fileName, 120))}`;
  const dropped = change.reading?.dropped.length ?? 0;
  return dropped > 0 ? `${saved} ${text.droppedLines(dropped)}` : saved;
}

/** The final report: the file change (if any), then added/changed/removed/unchanged, paragraphs, time and retrieval mode. */
/** The files that do not load, with their reasons (at most ten), under a heading saying how to remove them. */
function unreadableField(files: readonly ArticleLoadProblem[], lang: Lang): APIEmbedField {
  const lines = files.slice(0, 10).map((file) => `${fitEscapedInline(file.file, 100)}: ${fitEscapedInline(articleProblemText(file.problem, lang), 150)}`);
  return { name: `⚠ ${messages(lang).content.unreadableTitle(files.length)}`, value: lines.join("\n") };
}

export function presentReport(report: ReindexReport, change: ArticleChange | null, lang: Lang): MessagePayload {
  const text = messages(lang).content;
  const embed: APIEmbed = fitEmbedTotal({
    color: EMBED_COLOR,
    title: `✅ ${text.reportTitle}`,
    ...(change || report.storeFailure
      ? { description: [...(change ? [changeLine(change, lang)] : []), ...(report.storeFailure ? [`⚠️ ${text.storeFailed}`] : [])].join("\n\n") }
      : {}),
    fields: [
      idField(text.added, report.added),
      idField(text.changed, report.changed),
      idField(text.removed, report.removed),
      idField(text.unchanged, report.unchanged),
      { name: text.articles, value: String(report.articles), inline: true },
      { name: text.paragraphs, value: String(report.paragraphs), inline: true },
      { name: text.duration, value: text.seconds(report.durationMs), inline: true },
      { name: text.retrieval, value: report.mode === "hybrid" ? messages(lang).about.modeHybrid : messages(lang).about.modeLexical, inline: true },
      // Left out of the index: one broken file does not hold up the rest.
      ...(report.skipped ? [unreadableField(report.skipped, lang)] : []),
    ],
  });
  return { content: "", embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
}

/** A refusal or failure with its reason in the moderator's language (escaped, so a file name cannot inject markup). */
export function presentContentProblem(kind: "reindex_failed" | "change_refused" | "change_failed", reason: string, lang: Lang): MessagePayload {
  const text = messages(lang).content;
  const escapedReason = fitEscaped(reason, 1_500);
  const notice =
    kind === "reindex_failed"
      ? text.reindexFailed(escapedReason)
      : kind === "change_refused"
        ? text.changeRefused(escapedReason)
        : text.changeFailed(escapedReason);
  return { content: notice, embeds: [], components: [], allowedMentions: NO_MENTIONS };
}

export function describeUploadProblem(problem: UploadProblem, lang: Lang): string {
  const text = messages(lang).content;
  switch (problem.kind) {
    case "extension":
      return text.uploadExtension(fitEscapedInline(problem.name, 100));
    case "content_type":
      return text.uploadContentType(fitEscapedInline(problem.name, 100), fitEscapedInline(problem.contentType, 100));
    case "too_large":
      return text.uploadTooLarge(formatByteSize(problem.size, lang), formatByteSize(problem.max, lang));
    case "download_failed":
      return text.uploadDownloadFailed(fitEscapedInline(problem.detail, 200));
  }
}

// ---------------------------------------------------------------------------
// Article list

/** "`id` · [t-online](url) · 5. September 2023 · 10 Absätze". */
function articleDetails(article: ArticleInfo, lang: Lang): string {
  const text = messages(lang);
  const url = safeLinkUrl(article.url);
  const publisher = article.publisher ? fitEscapedInline(singleLine(article.publisher), 80) : null;
  const source = url ? `[${publisher ?? fitEscapedInline(new URL(url).hostname, 80)}](${url})` : (publisher ?? `*${text.content.sourceUnknown}*`);
  const parts = [...(article.origin === "server" ? [`**${text.content.ownArticle}**`] : []), shownId(article.id), source];
  if (article.date) parts.push(escapeDiscordText(formatDate(article.date, lang), { inline: true }));
  parts.push(text.about.paragraphs(article.paragraphCount));
  const line = parts.join(" · ");
  // A very long URL could still push the line over a field's limit: then without the link.
  return line.length <= LIMITS.fieldValue
    ? line
    : [shownId(article.id), publisher ?? "", text.about.paragraphs(article.paragraphCount)].filter(Boolean).join(" · ");
}

/** `/articles`: one field per article (title; id, source, date, paragraphs), within the 6,000-character total. */
export function presentArticleList(status: ServiceStatus, lang: Lang): MessagePayload {
  const text = messages(lang);
  // 15 × (100 + ~350) leaves room for title and footer; the rest are counted.
  const slots = 15;
  const shown = status.articles.length > slots ? status.articles.slice(0, slots - 1) : status.articles;
  // The kicker before the title, as the page shows it ("Hochwasser in Südbaden: Ebersfurt lässt …").
  const heading = (article: ArticleInfo): string => singleLine(article.kicker ? `${article.kicker}: ${article.title}` : article.title);
  const fields: APIEmbedField[] = shown.map((article) => ({ name: fitEscaped(heading(article), 100), value: articleDetails(article, lang) }));
  if (shown.length < status.articles.length) fields.push({ name: "…", value: text.about.moreArticles(status.articles.length - shown.length) });
  if (status.unreadable.length > 0) fields.push(unreadableField(status.unreadable, lang));
  const embed: APIEmbed = fitEmbedTotal({
    color: EMBED_COLOR,
    title: text.content.listTitle(status.articles.length),
    fields,
    footer: { text: text.content.listFooter(status.paragraphCount, status.mode) },
  });
  return { embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
}

// ---------------------------------------------------------------------------
// Removal confirmation

export interface RemovalPromptIds {
  confirm: string;
  cancel: string;
}

export function presentRemovalPrompt(article: ArticleInfo, ids: RemovalPromptIds, validMinutes: number, lang: Lang): MessagePayload {
  const text = messages(lang).content;
  const prompt = text.removePrompt(fitEscapedInline(singleLine(article.title), 200), shownId(article.id), article.paragraphCount, validMinutes);
  return {
    content: prompt,
    embeds: [],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Danger, label: fitPlain(text.removeConfirm, LIMITS.buttonLabel), custom_id: ids.confirm },
          { type: ComponentType.Button, style: ButtonStyle.Secondary, label: fitPlain(text.removeCancel, LIMITS.buttonLabel), custom_id: ids.cancel },
        ],
      },
    ],
    allowedMentions: NO_MENTIONS,
  };
}
