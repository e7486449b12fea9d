import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document at /api/docs-json and its UI at /api/docs. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Workplace Roleplay API')
    .setDescription(
      'Practise workplace conversations with AI characters and get specific coaching. ' +
        'All API routes live under /api/v1 and take `Authorization: Bearer <accessToken>` unless marked public. ' +
        'Every error has one body: { statusCode, code, message, details?, requestId }. Every response carries X-Request-Id.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });
}
