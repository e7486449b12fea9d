import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document at /api/docs-json and its UI at /api/docs. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Workplace Roleplay API')
    .setDescription(
      'Practise workplace conversations with AI characters and get specific coaching. ' +
        'All API routes live under /api/v1 and take `Authorization: Bearer <accessToken>` unless marked public. ' +
        'Every error has one body: { statusCode, code, message, details?, requestId }. Every response carries X-Request-Id. ' +
        'Request bodies are JSON (415 UNSUPPORTED_MEDIA_TYPE otherwise); unknown body fields, NUL characters and ' +
        'nesting deeper than 16 levels answer 400 VALIDATION_FAILED; unknown query parameters are ignored. ' +
        'Socket.IO runs on the same port (namespaces /chat and /watch, handshake `auth: { token }`); a socket is ' +
        'disconnected when its access token expires (after an `auth.expired` event) or stops working (logout, a reused ' +
        'refresh token, a deleted account), and an instance that shuts down sends `server.shutdown` first.',
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
