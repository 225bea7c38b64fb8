export { MAX_BODY_BYTES } from './http/body.js'
export {
  DEFAULT_LATENCY_MS,
  FaultKind,
  FaultOptions,
  QueuedFault,
  RateLimitOptions,
  SandboxOptions,
} from './options.js'
export { createSandbox, DEFAULT_HOST, DEFAULT_SEED, type Sandbox } from './sandbox.js'
