import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * The bot's Prometheus metrics, in a registry of its own (so that two bots in
 * one process, as in the tests, never share counters).
 */

export type QuestionOutcome = "answered" | "hedged" | "refused";

export class BotMetrics {
  readonly registry = new Registry();
  private readonly questions = new Counter({
    name: "qa_questions_total",
    help: "Questions answered, by outcome and by how they were asked.",
    labelNames: ["outcome", "via"] as const,
    registers: [this.registry],
  });
  private readonly answerSeconds = new Histogram({
    name: "qa_answer_seconds",
    help: "Time to answer a question (retrieval, outcome, excerpts).",
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly contentTasks = new Counter({
    name: "qa_content_tasks_total",
    help: "Reindexes, uploads and removals, by task and outcome.",
    labelNames: ["task", "outcome"] as const,
    registers: [this.registry],
  });
  private readonly contentTaskSeconds = new Histogram({
    name: "qa_content_task_seconds",
    help: "Duration of the reindex that made a content change live.",
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });
  private readonly reconnects = new Counter({
    name: "qa_gateway_reconnects_total",
    help: "Discord gateway reconnects.",
    registers: [this.registry],
  });
  private readonly rateLimited = new Counter({
    name: "qa_rate_limited_total",
    help: "Questions turned away by the rate limits, by reason.",
    labelNames: ["reason"] as const,
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  question(outcome: QuestionOutcome, via: string, seconds: number): void {
    this.questions.inc({ outcome, via });
    this.answerSeconds.observe(seconds);
  }

  contentTask(task: string, outcome: "done" | "refused" | "failed", seconds: number | null): void {
    this.contentTasks.inc({ task, outcome });
    if (seconds !== null) this.contentTaskSeconds.observe(seconds);
  }

  gatewayReconnect(): void {
    this.reconnects.inc();
  }

  limited(reason: string): void {
    this.rateLimited.inc({ reason });
  }
}
