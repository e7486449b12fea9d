import { DriverLock } from './driver-lock';
import { QuizWriter } from './quiz-writer';
import { TurnTaker } from './turn-taker';
import { WatchDriver } from './watch-driver';
import { WatchEndings } from './watch-endings';
import { WatchEventBus } from './watch-event-bus';
import { WatchPresence } from './watch-presence';
import { WatchQuizEntity } from './watch-quiz.entity';
import { WatchStore } from './watch-store';
import { WatchStreams } from './watch-stream';
import { WatchController } from './watch.controller';
import { WatchGateway } from './watch.gateway';
import { WatchService } from './watch.service';

/** Watch mode's pieces, registered by the conversation module. */
export const WATCH_ENTITIES = [WatchQuizEntity];
export const WATCH_CONTROLLERS = [WatchController];
export const WATCH_PROVIDERS = [
  WatchEventBus,
  WatchPresence,
  DriverLock,
  WatchStore,
  WatchEndings,
  QuizWriter,
  TurnTaker,
  WatchDriver,
  WatchService,
  WatchStreams,
  WatchGateway,
];
