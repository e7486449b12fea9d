import { Injectable, Logger } from '@nestjs/common';
import { LlmService } from '../../platform/llm';
import { ConflictError } from '../../shared';
import { LearnerActivityService, type SkillScores } from '../conversation';
import type { AnalysisInput } from './domain/analysis-input';
import {
  analysisInstructions,
  learnerWordsText,
  MODEL_ANALYSIS_SCHEMA,
  verifiedEvidence,
  type ModelAnalysis,
} from './domain/model-analysis';
import {
  blendWithFeedback,
  feedbackAggregate,
  heuristicEvidence,
  heuristicScores,
  type Evidence,
  type ScoredConversation,
} from './domain/strength-scoring';

/** The scores of an analysis and what they rest on, before recommendations and text are added. */
export interface StrengthDraft {
  scores: SkillScores;
  evidence: Evidence;
  locale: 'ja' | 'en';
  /** Analysed conversations, newest first. */
  conversationIds: string[];
  practisedScenarioIds: string[];
  generatedBy: 'llm' | 'heuristic';
  model: string | null;
}

/** Raised when none of the conversations of an input can be read any more (deleted since it was queued). */
export class ConversationsGoneError extends ConflictError {
  constructor() {
    super(
      'NOTHING_TO_ANALYZE',
      'None of the conversations to analyse hold a message of the learner any more.',
    );
  }
}

/**
 * Scores a learner on the six axes from a fixed input. A real model reads the learner's words and quotes them
 * as evidence (checked against the transcripts), blended with the stored feedback; without one, or if it fails,
 * the deterministic heuristic decides. The same input always gives the same heuristic scores.
 */
@Injectable()
export class StrengthAnalyzer {
  private readonly logger = new Logger('StrengthAnalyzer');

  constructor(
    private readonly activity: LearnerActivityService,
    private readonly llm: LlmService,
  ) {}

  async analyze(userId: string, input: AnalysisInput, seed: string): Promise<StrengthDraft> {
    const transcripts = await this.activity.transcripts(userId, input.conversations);
    const usable = transcripts.filter((t) => t.turns.some((turn) => turn.role === 'user'));
    if (!usable.length) throw new ConversationsGoneError();
    const conversations: ScoredConversation[] = usable.map((t) => ({
      conversationId: t.conversationId,
      locale: t.locale,
      turns: t.turns,
      feedbackScores: t.feedback?.scores ?? null,
    }));
    const locale = usable[0].locale;
    const base = {
      locale,
      conversationIds: usable.map((t) => t.conversationId),
      practisedScenarioIds: [...new Set(usable.flatMap((t) => (t.scenarioId ? [t.scenarioId] : [])))],
    };
    const heuristic = (): ModelAnalysis => ({
      scores: heuristicScores(conversations),
      evidence: heuristicEvidence(conversations),
    });

    try {
      const answer = await this.llm.completeJson<ModelAnalysis>(
        {
          mode: 'analysis',
          locale,
          seed,
          temperature: 0,
          messages: [
            { role: 'system', content: analysisInstructions(locale) },
            { role: 'user', content: learnerWordsText(conversations) },
          ],
        },
        { name: 'strength_analysis', schema: MODEL_ANALYSIS_SCHEMA, offline: heuristic },
      );
      // The offline provider answers with the heuristic itself.
      if (answer.provider === 'offline')
        return { ...base, ...answer.value, generatedBy: 'heuristic', model: null };
      return {
        ...base,
        scores: blendWithFeedback(answer.value.scores, feedbackAggregate(conversations)),
        evidence: verifiedEvidence(answer.value.evidence, conversations),
        generatedBy: 'llm',
        model: answer.model,
      };
    } catch (e) {
      this.logger.warn(`model analysis unavailable, using the heuristic: ${(e as Error).message}`);
    }
    return { ...base, ...heuristic(), generatedBy: 'heuristic', model: null };
  }
}
