export * from './domain-error';
export * from './pagination';
export * from './request-id';
export * from './redaction';
export * from './input-shape';
