import { plainToInstance } from 'class-transformer';
import { CreateScenarioDto } from './dto/create-scenario.dto';
import type { ScenarioEntity } from './scenario.entity';
import { contentFromInput, toScenarioDto, toSummary } from './scenario.mapper';

const row = (): ScenarioEntity => ({
  id: '0b6b1f1e-8a43-4f61-9a7c-1c1f3f0f8e01',
  slug: 'report-a-delay',
  title: '遅れを報告する',
  description: '締切に間に合わない見込みを伝える',
  difficulty: 'intermediate',
  category: 'reporting',
  tags: ['報連相'],
  locale: 'ja',
  sensitive: false,
  roleType: 'standard',
  aiRole: '課長',
  userRole: '担当者',
  character: { personality: 'p', speakingStyle: 's', situation: 'sit', initialApproach: 'open' },
  learningPoints: ['l1'],
  feedbackPoints: ['f1'],
  visibility: 'public',
  createdBy: null,
  source: 'builtin',
  sourceKey: 'builtin:report-a-delay',
  contentHash: 'h',
  deletedAt: null,
  createdAt: new Date('2026-01-02T03:04:05.000Z'),
  updatedAt: new Date('2026-01-03T03:04:05.000Z'),
});

describe('scenario mapping', () => {
  it('exposes the API fields only, with ISO timestamps', () => {
    const dto = toScenarioDto(row());
    expect(Object.keys(dto).sort()).toEqual(
      [
        'id',
        'slug',
        'title',
        'description',
        'difficulty',
        'category',
        'tags',
        'locale',
        'sensitive',
        'roleType',
        'aiRole',
        'userRole',
        'character',
        'learningPoints',
        'feedbackPoints',
        'visibility',
        'createdBy',
        'createdAt',
        'updatedAt',
      ].sort(),
    );
    expect(dto.createdAt).toBe('2026-01-02T03:04:05.000Z');
    expect(dto.character).toEqual({
      personality: 'p',
      speakingStyle: 's',
      situation: 'sit',
      initialApproach: 'open',
    });
  });

  it('summaries drop the character and nothing else', () => {
    const dto = toScenarioDto(row());
    const summary = toSummary(dto);
    expect(summary).not.toHaveProperty('character');
    expect({ ...summary, character: dto.character }).toEqual(dto);
  });

  it('applies the defaults of the contract to a create request', () => {
    const input = plainToInstance(CreateScenarioDto, {
      title: 't',
      description: 'd',
      difficulty: 'beginner',
      category: 'harassment-prevention',
      locale: 'en',
      character: { personality: 'p', speakingStyle: 's', situation: 'x', initialApproach: 'hi' },
      learningPoints: ['l'],
      feedbackPoints: ['f'],
    });
    expect(contentFromInput(input)).toEqual({
      title: 't',
      description: 'd',
      difficulty: 'beginner',
      category: 'harassment-prevention',
      tags: [],
      locale: 'en',
      sensitive: true,
      roleType: 'standard',
      aiRole: '',
      userRole: '',
      character: { personality: 'p', speakingStyle: 's', situation: 'x', initialApproach: 'hi' },
      learningPoints: ['l'],
      feedbackPoints: ['f'],
    });
  });
});
