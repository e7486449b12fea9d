import type { IncomingMessage } from 'node:http';
import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '../../config';
import { REDACTED_PATHS } from '../../shared';

const QUIET_ROUTES = /^\/(health\/|metrics(\?|$))/;

/** Middleware mounted on a path sees req.url with that path stripped (as in Express); the full path is in originalUrl. */
const isQuiet = (req: IncomingMessage & { originalUrl?: string }): boolean =>
  QUIET_ROUTES.test(req.originalUrl ?? req.url ?? '');

/** JSON logs; each request line carries its request id; credentials are redacted. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Nest 11 route syntax; the library's default ('*') logs a conversion warning at every boot.
        forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.app.logLevel,
          redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
          genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? 'unknown',
          autoLogging: { ignore: isQuiet },
          customProps: () => ({ service: 'workplace-roleplay' }),
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url?.split('?')[0],
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
