import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TranscriptTurn } from './domain/heuristic-feedback';
import { inAxisOrder, SKILL_AXES, type SkillScores } from './domain/skills';
import type { ConversationMode, Locale } from './entities/conversation.entity';

/** A conversation as analytics sees it: enough to tell whether anything changed since the last analysis. */
export interface LearnerConversation {
  id: string;
  mode: ConversationMode;
  scenarioId: string | null;
  locale: Locale;
  messageCount: number;
  learnerMessageCount: number;
  startedAt: Date;
  /** The newest feedback on the conversation as it is, if any. */
  feedbackId: string | null;
}

/** A conversation cut at a known message count, with the newest feedback given up to that point. */
export interface LearnerTranscript {
  conversationId: string;
  locale: Locale;
  scenarioId: string | null;
  startedAt: Date;
  turns: TranscriptTurn[];
  feedback: { id: string; scores: SkillScores; generatedBy: 'llm' | 'heuristic' } | null;
}

export type ActivityBucketSize = 'day' | 'week' | 'month';

export interface ActivityBucket {
  /** Start of the bucket, a UTC date (YYYY-MM-DD); weeks start on Monday. */
  periodStart: string;
  conversations: number;
  learnerMessages: number;
  feedbackCount: number;
  /** Average of the latest feedback of each conversation assessed in the bucket. */
  scores: SkillScores | null;
}

export interface LearnerTotals {
  conversations: number;
  learnerMessages: number;
  assessedConversations: number;
  averageScores: SkillScores | null;
  firstConversationAt: Date | null;
  lastConversationAt: Date | null;
}

export interface ActivityTotals {
  learners: number;
  conversations: number;
  conversationsByMode: Record<ConversationMode, number>;
  learnerMessages: number;
  assessedConversations: number;
  averageScores: SkillScores | null;
}

// The newest feedback row of each conversation: a conversation assessed twice counts once.
const LATEST_FEEDBACK = `SELECT DISTINCT ON (conversation_id) * FROM feedback`;
const AVERAGE_SCORES = SKILL_AXES.map((a) => `avg((f.scores->>'${a}')::numeric) AS "${a}"`).join(', ');

/**
 * Read-only aggregates over a learner's conversations, messages and feedback, for analytics. Counts are
 * computed in SQL; only the transcripts an analysis reads are loaded.
 */
@Injectable()
export class LearnerActivityService {
  constructor(private readonly dataSource: DataSource) {}

  /** The learner's newest conversations that hold at least one of their messages, newest first. */
  async recentConversations(userId: string, limit: number): Promise<LearnerConversation[]> {
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT c.id, c.mode, c.scenario_id, c.locale, c.message_count, c.learner_message_count, c.started_at,
              (SELECT f.id FROM feedback f WHERE f.conversation_id = c.id AND f.message_count <= c.message_count
                ORDER BY f.message_count DESC LIMIT 1) AS feedback_id
         FROM conversations c
        WHERE c.user_id = $1 AND c.learner_message_count > 0
        ORDER BY c.started_at DESC, c.id DESC
        LIMIT $2`,
      [userId, limit],
    );
    return rows.map((r) => ({
      id: r.id as string,
      mode: r.mode as ConversationMode,
      scenarioId: (r.scenario_id as string | null) ?? null,
      locale: r.locale as Locale,
      messageCount: Number(r.message_count),
      learnerMessageCount: Number(r.learner_message_count),
      startedAt: r.started_at as Date,
      feedbackId: (r.feedback_id as string | null) ?? null,
    }));
  }

  /**
   * The learner's conversations among `cuts`, each read up to its given message count (later messages are not
   * part of it), in the order of `cuts`. Conversations deleted since, or not the learner's, are left out.
   */
  async transcripts(
    userId: string,
    cuts: Array<{ id: string; messageCount: number }>,
  ): Promise<LearnerTranscript[]> {
    if (!cuts.length) return [];
    const ids = cuts.map((c) => c.id);
    const counts = cuts.map((c) => c.messageCount);
    const params = [userId, ids, counts];
    const [conversations, messages, feedback] = await Promise.all([
      this.dataSource.query<Record<string, unknown>[]>(
        `SELECT id, locale, scenario_id, started_at FROM conversations WHERE user_id = $1 AND id = ANY($2::uuid[])`,
        [userId, ids],
      ),
      this.dataSource.query<Array<{ conversation_id: string; role: 'user' | 'assistant'; content: string }>>(
        `SELECT m.conversation_id, m.role, m.content
           FROM (SELECT m.*, row_number() OVER (PARTITION BY m.conversation_id ORDER BY m.seq) AS n
                   FROM messages m JOIN conversations c ON c.id = m.conversation_id
                  WHERE c.user_id = $1 AND c.id = ANY($2::uuid[])) m
           JOIN unnest($2::uuid[], $3::int[]) AS cut(id, message_count) ON cut.id = m.conversation_id
          WHERE m.n <= cut.message_count AND NOT (m.metadata ? 'moderated')
          ORDER BY m.conversation_id, m.seq`,
        params,
      ),
      this.dataSource.query<
        Array<{ conversation_id: string; id: string; scores: SkillScores; generated_by: 'llm' | 'heuristic' }>
      >(
        `SELECT DISTINCT ON (f.conversation_id) f.conversation_id, f.id, f.scores, f.generated_by
           FROM feedback f JOIN unnest($2::uuid[], $3::int[]) AS cut(id, message_count) ON cut.id = f.conversation_id
          WHERE f.user_id = $1 AND f.message_count <= cut.message_count
          ORDER BY f.conversation_id, f.message_count DESC`,
        params,
      ),
    ]);
    const turns = new Map<string, TranscriptTurn[]>();
    for (const m of messages) {
      const list = turns.get(m.conversation_id) ?? [];
      list.push({ role: m.role, content: m.content });
      turns.set(m.conversation_id, list);
    }
    const feedbackOf = new Map(feedback.map((f) => [f.conversation_id, f]));
    const byId = new Map(conversations.map((c) => [c.id as string, c]));
    return ids.flatMap((id) => {
      const c = byId.get(id);
      if (!c) return [];
      const f = feedbackOf.get(id);
      return [
        {
          conversationId: id,
          locale: c.locale as Locale,
          scenarioId: (c.scenario_id as string | null) ?? null,
          startedAt: c.started_at as Date,
          turns: turns.get(id) ?? [],
          feedback: f ? { id: f.id, scores: inAxisOrder(f.scores), generatedBy: f.generated_by } : null,
        },
      ];
    });
  }

  /**
   * Activity per day, week or month (UTC) from `from` (inclusive) to `until` (exclusive), every bucket present,
   * oldest first: conversations started, the learner's messages sent, and average feedback scores.
   */
  async buckets(
    userId: string,
    from: Date,
    until: Date,
    size: ActivityBucketSize,
  ): Promise<ActivityBucket[]> {
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `WITH periods AS (
         SELECT generate_series(date_trunc($4, $2::timestamptz AT TIME ZONE 'UTC'),
                                date_trunc($4, ($3::timestamptz - interval '1 microsecond') AT TIME ZONE 'UTC'),
                                ('1 ' || $4)::interval) AS p
       ), conv AS (
         SELECT date_trunc($4, c.started_at AT TIME ZONE 'UTC') AS p, count(*) AS n
           FROM conversations c
          WHERE c.user_id = $1 AND c.started_at >= $2 AND c.started_at < $3
          GROUP BY 1
       ), msg AS (
         SELECT date_trunc($4, m.created_at AT TIME ZONE 'UTC') AS p, count(*) AS n
           FROM messages m JOIN conversations c ON c.id = m.conversation_id
          WHERE c.user_id = $1 AND m.role = 'user' AND m.created_at >= $2 AND m.created_at < $3
          GROUP BY 1
       ), fb AS (
         SELECT date_trunc($4, f.created_at AT TIME ZONE 'UTC') AS p, count(*) AS n, ${AVERAGE_SCORES}
           FROM (${LATEST_FEEDBACK} WHERE user_id = $1 AND created_at >= $2 AND created_at < $3
                  ORDER BY conversation_id, message_count DESC) f
          GROUP BY 1
       )
       SELECT to_char(periods.p, 'YYYY-MM-DD') AS period_start, COALESCE(conv.n, 0) AS conversations,
              COALESCE(msg.n, 0) AS messages, COALESCE(fb.n, 0) AS feedback, ${SKILL_AXES.map((a) => `fb."${a}"`).join(', ')}
         FROM periods
         LEFT JOIN conv ON conv.p = periods.p
         LEFT JOIN msg ON msg.p = periods.p
         LEFT JOIN fb ON fb.p = periods.p
        ORDER BY periods.p`,
      [userId, from.toISOString(), until.toISOString(), size],
    );
    return rows.map((r) => ({
      periodStart: r.period_start as string,
      conversations: Number(r.conversations),
      learnerMessages: Number(r.messages),
      feedbackCount: Number(r.feedback),
      scores: Number(r.feedback) > 0 ? roundScores(r) : null,
    }));
  }

  /** One learner's totals over all time. */
  async learnerTotals(userId: string): Promise<LearnerTotals> {
    const [[counts], [scores]] = await Promise.all([
      this.dataSource.query<Record<string, unknown>[]>(
        `SELECT count(*) AS conversations, COALESCE(sum(learner_message_count), 0) AS messages,
                min(started_at) AS first_at, max(started_at) AS last_at
           FROM conversations WHERE user_id = $1`,
        [userId],
      ),
      this.dataSource.query<Record<string, unknown>[]>(
        `SELECT count(*) AS n, ${AVERAGE_SCORES}
           FROM (${LATEST_FEEDBACK} WHERE user_id = $1 ORDER BY conversation_id, message_count DESC) f`,
        [userId],
      ),
    ]);
    return {
      conversations: Number(counts.conversations),
      learnerMessages: Number(counts.messages),
      assessedConversations: Number(scores.n),
      averageScores: Number(scores.n) > 0 ? roundScores(scores) : null,
      firstConversationAt: (counts.first_at as Date | null) ?? null,
      lastConversationAt: (counts.last_at as Date | null) ?? null,
    };
  }

  /** Totals across every learner. */
  async totals(): Promise<ActivityTotals> {
    const [[counts], modes, [scores]] = await Promise.all([
      this.dataSource.query<Record<string, unknown>[]>(
        `SELECT count(DISTINCT user_id) AS learners, count(*) AS conversations,
                COALESCE(sum(learner_message_count), 0) AS messages
           FROM conversations`,
      ),
      this.dataSource.query<Array<{ mode: ConversationMode; n: string }>>(
        `SELECT mode, count(*) AS n FROM conversations GROUP BY mode`,
      ),
      this.dataSource.query<Record<string, unknown>[]>(
        `SELECT count(*) AS n, ${AVERAGE_SCORES}
           FROM (${LATEST_FEEDBACK} ORDER BY conversation_id, message_count DESC) f`,
      ),
    ]);
    const byMode: Record<ConversationMode, number> = { chat: 0, scenario: 0, watch: 0 };
    for (const m of modes) byMode[m.mode] = Number(m.n);
    return {
      learners: Number(counts.learners),
      conversations: Number(counts.conversations),
      conversationsByMode: byMode,
      learnerMessages: Number(counts.messages),
      assessedConversations: Number(scores.n),
      averageScores: Number(scores.n) > 0 ? roundScores(scores) : null,
    };
  }
}

function roundScores(row: Record<string, unknown>): SkillScores {
  const scores = {} as SkillScores;
  for (const axis of SKILL_AXES) scores[axis] = Math.round(Number(row[axis]));
  return scores;
}
