/** Links the bot writes into messages. */

/** Only http(s) URLs become links; a bare domain gets https. Parentheses are encoded so a masked link cannot break. */
export function safeLinkUrl(url: string | null): string | null {
  if (!url) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`;
  try {
    const parsed = new URL(candidate);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
    return parsed.href.replace(/\(/g, "%28").replace(/\)/g, "%29");
  } catch {
    return null;
  }
}
