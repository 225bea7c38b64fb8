export { MAX_BODY_BYTES } from './http/body.js'
export {
  DEFAULT_LATENCY_MS,
  FaultKind,
  FaultOptions,
  QueuedFault,
  RateLimitOptions,
  SandboxOptions,
} from './options.js'
export { DEFAULT_PROFILE, SANDBOX_PROFILES, type SandboxProfile } from './profiles.js'
export { createSandbox, DEFAULT_HOST, DEFAULT_SEED, type Sandbox } from './sandbox.js'
