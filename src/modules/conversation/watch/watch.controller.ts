import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiContentResponse, ApiErrors, ApiSignedInErrors } from '../../../platform/http/api-responses';
import { RateLimit } from '../../../platform/rate-limit';
import { CurrentUser, RequirePermissions, type Principal } from '../../auth';
import { BAD_MESSAGE, MESSAGE_LIMIT } from '../http/conversation-docs';
import { QuizAnswerDto, StartWatchDto, WatchMessageDto } from './dto/watch-requests';
import {
  QuizResultView,
  WatchJoinedView,
  WatchLearnerMessageView,
  WatchStartedView,
  WatchStoppedView,
} from './dto/watch-responses';
import { WatchStreams } from './watch-stream';
import { WatchService } from './watch.service';

const START_DOC =
  'Creates a watch conversation (it appears in history and export) and starts the two colleagues talking at once, ' +
  'whether or not anyone is watching yet. Defaults: locale ja, maxTurns 10, a workplace theme, and two colleagues ' +
  'with distinct personalities named for the locale. The server takes one AI turn, then pauses WATCH_TURN_DELAY_MS ' +
  '(1500 ms by default) before the next. The session ends by itself at `maxTurns` AI turns (`max_turns`), when both ' +
  'colleagues take leave (`natural_end`), when the text it has generated (lines and quizzes, estimated in tokens) reaches WATCH_MAX_TOKENS (`token_cap`), when ' +
  'no SSE stream or socket has watched it for WATCH_IDLE_TIMEOUT_SECONDS (`idle`), or after repeated AI failures ' +
  '(`llm_unavailable`). Spends from the watch-start rate limit (5 per minute).';

const STREAM_DOC =
  'Server-Sent Events. First everything so far, in order, then live: `message` (an AI turn: Message with `speaker` ' +
  'and `turn`), `user` (the learner’s Message, `turn: null`), `quiz` `{ id, sessionId, afterTurn, question, choices }` ' +
  'after every 5th turn, `join` / `leave` `{ sessionId, userId }` when the learner joins or leaves as a participant, ' +
  'and finally `end` `{ reason }` (max_turns, natural_end, token_cap, stopped, idle, llm_unavailable, deleted), after ' +
  'which the server closes the stream. An already ended session replays and ends at once. Each message and quiz ' +
  'arrives once per stream, whichever instance takes the turns. An open stream counts as watching (see idle above). ' +
  'If the stream itself fails it sends `error` `{ code, message }` and closes. ' +
  'When the server shuts down it sends `shutdown` `{ reconnect: true }` and closes: reconnect to resume (the backlog ' +
  'comes first again). Send the access token in the Authorization header (read the stream with fetch).';

const NOT_YOURS = "NOT_FOUND: no such watch session, or another user's.";
const BAD_ID = 'VALIDATION_FAILED: sessionId is not a UUID.';
const ENDED = 'CONVERSATION_ENDED: the session has ended.';

const STREAM_EXAMPLE = [
  'event: message\ndata: {"id":"…","conversationId":"…","role":"assistant","speaker":"Aoi","content":"…","clientMessageId":null,"createdAt":"…","turn":1}',
  'event: quiz\ndata: {"id":"…","sessionId":"…","afterTurn":5,"question":"…","choices":["…","…","…"]}',
  'event: end\ndata: {"reason":"max_turns"}',
]
  .map((event) => `${event}\n\n`)
  .join('');

@ApiTags('watch')
@ApiBearerAuth()
@ApiSignedInErrors()
@Controller('watch')
export class WatchController {
  constructor(
    private readonly watch: WatchService,
    private readonly streams: WatchStreams,
  ) {}

  @Post('start')
  @RequirePermissions('conversation:write:own')
  @RateLimit('watchStart')
  @ApiOperation({
    summary: 'Start a watch session: two AI colleagues talk while the learner watches.',
    description: START_DOC,
  })
  @ApiCreatedResponse({ type: WatchStartedView })
  @ApiSignedInErrors(
    'Starts also spend from the watch-start limit (RATE_LIMIT_WATCH_START_PER_MINUTE, 5 by default).',
  )
  @ApiErrors({
    400:
      'VALIDATION_FAILED: a theme or persona field too long or with HTML, not exactly 2 personas, two personas ' +
      'with the same name, maxTurns outside 1..40 or an unknown locale.',
  })
  start(@CurrentUser() principal: Principal, @Body() dto: StartWatchDto): Promise<WatchStartedView> {
    return this.watch.start(principal, dto);
  }

  @Get('stream/:sessionId')
  @RequirePermissions('conversation:read:own')
  @ApiOperation({ summary: 'Watch a session as Server-Sent Events.', description: STREAM_DOC })
  @ApiContentResponse(200, 'The session as Server-Sent Events (see the description for the events).', {
    'text/event-stream': { type: 'string', example: STREAM_EXAMPLE },
  })
  @ApiErrors({ 400: BAD_ID, 404: `${NOT_YOURS} Answered as JSON, before any event.` })
  async stream(
    @CurrentUser() principal: Principal,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.streams.stream(principal, sessionId, reply);
  }

  @Post('join/:sessionId')
  @HttpCode(200)
  @RequirePermissions('conversation:write:own')
  @ApiOperation({
    summary: 'Join the conversation as its third voice.',
    description:
      'From now on the learner may speak (POST /watch/message/{id} or `watch.message.send`) and the colleagues answer, ' +
      'addressing the learner by display name, else username, else "あなた"/"you". The room gets `watch.user.join`. ' +
      'Joining twice is harmless. 409 CONVERSATION_ENDED once the session has ended.',
  })
  @ApiOkResponse({ type: WatchJoinedView, description: 'The learner is a participant (`joined: true`).' })
  @ApiErrors({ 400: BAD_ID, 404: NOT_YOURS, 409: ENDED })
  join(
    @CurrentUser() principal: Principal,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
  ): Promise<WatchJoinedView> {
    return this.watch.join(principal, sessionId);
  }

  @Post('leave/:sessionId')
  @HttpCode(200)
  @RequirePermissions('conversation:write:own')
  @ApiOperation({
    summary: 'Stop taking part; the learner goes on watching.',
    description:
      'The room gets `watch.user.leave`; the colleagues carry on between themselves. Leaving twice is harmless.',
  })
  @ApiOkResponse({ type: WatchJoinedView, description: 'The learner only watches (`joined: false`).' })
  @ApiErrors({ 400: BAD_ID, 404: NOT_YOURS, 409: ENDED })
  leave(
    @CurrentUser() principal: Principal,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
  ): Promise<WatchJoinedView> {
    return this.watch.leave(principal, sessionId);
  }

  @Post('message/:sessionId')
  @RequirePermissions('conversation:write:own')
  @RateLimit('message')
  @ApiOperation({
    summary: 'Say something in a session you have joined.',
    description:
      'Stores the learner’s Message (201); the next AI turn answers it in the stream, addressing the learner by name. ' +
      'A repeated `clientMessageId` answers the first Message again (200) and stores nothing. A message stopped by ' +
      'moderation is stored with `moderation: { reason, note }` and the colleagues do not see it. 409 NOT_JOINED ' +
      'before POST /watch/join/{id}; 409 CONVERSATION_ENDED after the end. Spends from the messages rate limit.',
  })
  @ApiCreatedResponse({ type: WatchLearnerMessageView, description: 'The stored learner Message.' })
  @ApiOkResponse({
    type: WatchLearnerMessageView,
    description: 'A repeat of a `clientMessageId`: the first Message again; nothing is stored.',
  })
  @ApiSignedInErrors(MESSAGE_LIMIT)
  @ApiErrors({
    400: BAD_MESSAGE,
    404: NOT_YOURS,
    409: `NOT_JOINED: join the session first (POST /watch/join/{sessionId}). ${ENDED}`,
  })
  async message(
    @CurrentUser() principal: Principal,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
    @Body() dto: WatchMessageDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WatchLearnerMessageView> {
    const { message, replayed } = await this.watch.say(principal, sessionId, dto);
    if (replayed) void reply.status(200);
    return message;
  }

  @Post('stop/:sessionId')
  @HttpCode(200)
  @RequirePermissions('conversation:write:own')
  @ApiOperation({
    summary: 'Stop the session.',
    description:
      'The session ends with reason `stopped` (SSE `end`, socket `watch.ended`); stopping an ended session is harmless.',
  })
  @ApiOkResponse({ type: WatchStoppedView })
  @ApiErrors({ 400: BAD_ID, 404: NOT_YOURS })
  stop(
    @CurrentUser() principal: Principal,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
  ): Promise<{ status: 'stopped' }> {
    return this.watch.stop(principal, sessionId);
  }

  @Post('quiz/:quizId/answer')
  @HttpCode(200)
  @RequirePermissions('conversation:write:own')
  @ApiOperation({
    summary: 'Answer a quiz; the answer is scored on the server and kept.',
    description:
      '`choice` is the 0-based index of a choice (400 when the quiz has fewer). Each quiz takes one answer: ' +
      '409 ALREADY_ANSWERED after that. 404 for a missing quiz or another user’s.',
  })
  @ApiOkResponse({ type: QuizResultView })
  @ApiErrors({
    400: 'VALIDATION_FAILED: quizId is not a UUID, or `choice` is not the index of one of its choices.',
    404: "NOT_FOUND: no such quiz, or another user's.",
    409: 'ALREADY_ANSWERED: the quiz already has its answer.',
  })
  answer(
    @CurrentUser() principal: Principal,
    @Param('quizId', new ParseUUIDPipe()) quizId: string,
    @Body() dto: QuizAnswerDto,
  ): Promise<QuizResultView> {
    return this.watch.answer(principal, quizId, dto.choice);
  }
}
