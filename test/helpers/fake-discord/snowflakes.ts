/** Snowflake-shaped ids, and the shard a guild's id falls on. */

let snowflakeCounter = 1_100_000_000_000_000_000n;
/** Unique, increasing snowflake-shaped ids. */
export function nextSnowflake(): string {
  snowflakeCounter += 1n;
  return snowflakeCounter.toString();
}

/** The shard a guild belongs to, as Discord computes it: (guild_id >> 22) % shard_count. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A fresh snowflake that falls on `shard` of `shardCount`. */
export function snowflakeOnShard(shard: number, shardCount: number): string {
  const base = BigInt(nextSnowflake());
  const count = BigInt(shardCount);
  const high = ((base >> 22n) / count + 1n) * count + BigInt(shard);
  return ((high << 22n) | (base & 0x3fffffn)).toString();
}
