export { LlmModule } from './llm.module';
export { LlmService } from './llm.service';
export { LlmUnavailableError, type LlmUnavailableReason } from './llm-unavailable.error';
export type {
  CircuitState,
  JsonResult,
  JsonSpec,
  LlmDescription,
  LlmMessage,
  LlmMode,
  LlmRequest,
  LlmStream,
  Persona,
  ProviderDescription,
  ProviderName,
  StreamResult,
} from './llm.types';
