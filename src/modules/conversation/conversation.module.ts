import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth';
import { ConversationAccountData } from './account-data';
import { ScenarioModule } from '../scenario';
import { ConversationsService, conversationMetricProviders } from './conversations.service';
import { ConversationEntity } from './entities/conversation.entity';
import { FeedbackEntity } from './entities/feedback.entity';
import { MessageEntity } from './entities/message.entity';
import { ExportService } from './export.service';
import { FeedbackService } from './feedback.service';
import { ConversationEvents } from './generation/conversation-events';
import { GenerationTracker } from './generation/generation-tracker';
import { ReplyGenerator } from './generation/reply-generator';
import { HistoryCache } from './history-cache';
import { AdminConversationsController } from './http/admin-conversations.controller';
import { ChatController } from './http/chat.controller';
import { MessageResponder } from './http/message-responder';
import { ScenarioSessionController } from './http/scenario-session.controller';
import { UserHistoryController } from './http/user-history.controller';
import { IdleSweeper } from './idle-sweeper';
import { LearnerActivityService } from './learner-activity.service';
import { MessagingService } from './messaging.service';
import { ChatGateway } from './realtime/chat.gateway';
import { SocketSecurity } from './realtime/socket-security';
import { WATCH_CONTROLLERS, WATCH_ENTITIES, WATCH_PROVIDERS } from './watch/watch.parts';

@Module({
  imports: [
    TypeOrmModule.forFeature([ConversationEntity, MessageEntity, FeedbackEntity, ...WATCH_ENTITIES]),
    AuthModule,
    ScenarioModule,
  ],
  controllers: [
    ChatController,
    ScenarioSessionController,
    UserHistoryController,
    AdminConversationsController,
    ...WATCH_CONTROLLERS,
  ],
  providers: [
    ...conversationMetricProviders,
    ConversationsService,
    ConversationAccountData,
    MessagingService,
    FeedbackService,
    ExportService,
    ReplyGenerator,
    GenerationTracker,
    ConversationEvents,
    HistoryCache,
    MessageResponder,
    IdleSweeper,
    LearnerActivityService,
    ChatGateway,
    SocketSecurity,
    ...WATCH_PROVIDERS,
  ],
  exports: [LearnerActivityService],
})
export class ConversationModule {}
