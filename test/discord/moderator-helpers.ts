import type { FakeAttachment, FakeDiscord } from "../helpers/fake-discord/index.js";
import {
  MANAGE_GUILD_PERMISSIONS,
  MEMBER_PERMISSIONS,
  dispatchInteraction,
  fakeUser,
  slashCommand,
  type CommandOption,
  type DispatchedInteraction,
  type InteractionBase,
} from "../helpers/fake-discord-payloads.js";
import { messageBody, isOriginalEdit } from "./api-shapes.js";
import { createFakeAdmin, type FakeAdmin } from "../helpers/fake-admin.js";
import { createFakeQa } from "../helpers/fake-qa.js";
import { startHarness, type Harness } from "./harness.js";

/** What the moderator command tests share: who asks, /reindex, and reading the edits of its reply. */

export const EPHEMERAL = 64;

export const editsOf = (fake: FakeDiscord, interaction: DispatchedInteraction) => fake.calls.filter(isOriginalEdit(fake, interaction));

export function lastEdit(fake: FakeDiscord, interaction: DispatchedInteraction) {
  const last = editsOf(fake, interaction).at(-1);
  if (!last) throw new Error("the reply was never edited");
  return messageBody(last);
}

export const moderator = (): InteractionBase => ({ user: fakeUser("moderatorin"), permissions: MANAGE_GUILD_PERMISSIONS });
export const member = (): InteractionBase => ({ user: fakeUser("mitglied"), permissions: MEMBER_PERMISSIONS });

export function reindex(fake: FakeDiscord, base: InteractionBase, options: CommandOption[] = [], attachments: FakeAttachment[] = []): DispatchedInteraction {
  return dispatchInteraction(fake, slashCommand(fake, "reindex", options, base, attachments));
}

/** Waits until the final report (an embed) has replaced the progress. */
export async function finalEdit(fake: FakeDiscord, interaction: DispatchedInteraction, timeoutMs = 8_000) {
  return messageBody(await fake.waitForCall((call) => isOriginalEdit(fake, interaction)(call) && (messageBody(call).embeds?.length ?? 0) >= 1, timeoutMs));
}

/** The bot with the fake QA and a fake content admin whose tasks take four steps of 400 ms, and uploads up to 2,000 bytes. */
export async function startModeratorHarness(): Promise<{ harness: Harness; fake: FakeDiscord; admin: FakeAdmin }> {
  const admin = createFakeAdmin({ steps: 4, stepDelayMs: 400 });
  const harness = await startHarness({ qa: createFakeQa(), admin, env: { MAX_UPLOAD_BYTES: "2000" } });
  return { harness, fake: harness.fake, admin };
}
