import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppConfigModule, loadConfig } from '../../src/config';
import { IS_AUTHENTICATED_ONLY, IS_PUBLIC } from '../../src/platform/http/public.decorator';
import { LlmModule } from '../../src/platform/llm';
import { ModelsController } from '../../src/platform/llm/models.controller';

describe('GET /api/v1/models', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      LLM_PROVIDERS: 'gemini,openai,offline',
      DEFAULT_MODEL: 'gemini/gemini-2.5-flash',
      FEEDBACK_MODEL: 'openai/gpt-4o-mini',
      GEMINI_API_KEY: 'secret-gemini-key-123',
      OPENAI_BASE_URL: 'http://ollama.internal:11434/v1',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(config), LlmModule],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    app.setGlobalPrefix('api/v1');
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('lists the providers in fallback order and the model of each mode, never keys or URLs', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/models').expect(200);
    expect(res.body).toEqual({
      providers: [
        { name: 'gemini', configured: true, defaultModel: 'gemini/gemini-2.5-flash', circuit: 'closed' },
        { name: 'openai', configured: true, defaultModel: 'openai/gpt-4o-mini', circuit: 'closed' },
        { name: 'offline', configured: true, defaultModel: 'offline/coach', circuit: 'closed' },
      ],
      models: {
        chat: 'gemini/gemini-2.5-flash',
        scenario: 'gemini/gemini-2.5-flash',
        watch: 'gemini/gemini-2.5-flash',
        feedback: 'openai/gpt-4o-mini',
        analysis: 'openai/gpt-4o-mini',
      },
    });
    expect(res.text).not.toContain('secret-gemini-key-123');
    expect(res.text).not.toContain('ollama.internal');
  });

  it('is described in the OpenAPI document with its response schema and bearer auth', () => {
    const doc = SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build());
    const get = doc.paths['/api/v1/models']?.get;
    expect(get?.security).toEqual([{ bearer: [] }]);
    expect(JSON.stringify(get?.responses?.['200'])).toContain('#/components/schemas/ModelsResponse');
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(['ModelsResponse', 'ProviderInfo', 'ModeModels']),
    );
  });

  it('is open to any authenticated caller, not public', () => {
    expect(Reflect.getMetadata(IS_AUTHENTICATED_ONLY, ModelsController.prototype.list)).toBe(true);
    expect(Reflect.getMetadata(IS_PUBLIC, ModelsController.prototype.list)).toBeUndefined();
  });
});
