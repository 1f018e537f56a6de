/** The context of one interaction or message: answered from its server's articles (the operator's plus the server's own). */
import type { BotContext } from "./context.js";
import { errorForLog } from "./log-safety.js";

export async function contextForServer(context: BotContext, serverId: string | null): Promise<BotContext> {
  try {
    const scope = await context.scopes.forServer(serverId);
    return { ...context, qa: scope.qa, admin: scope.admin, layer: scope.layer };
  } catch (error) {
    // A server's own folder that cannot be read must not stop its questions: the operator's articles still answer them.
    context.logger.warn(
      { event: "server_scope_failed", guild: serverId, err: errorForLog(error) },
      "server articles unavailable; answering from the shared ones",
    );
    const shared = context.scopes.operator();
    return { ...context, qa: shared.qa, admin: null, layer: "server" };
  }
}
