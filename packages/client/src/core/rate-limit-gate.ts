import { sleep } from './abort.js'

/**
 * One pause shared by every request of a client (and of the clients derived from it): when the server says
 * "slow down", the workers of a bulk update wait together instead of each finding out with its own 429.
 */
export class RateLimitGate {
  #until = 0

  /** Holds every request until `ms` from now (a longer pause already in force wins). */
  pause(ms: number): void {
    this.#until = Math.max(this.#until, Date.now() + ms)
  }

  /** Milliseconds left in the current pause. */
  remaining(): number {
    return Math.max(0, this.#until - Date.now())
  }

  /** Resolves once no pause is in force; rejects with the signal's reason if it aborts first. */
  async wait(signal?: AbortSignal): Promise<void> {
    for (let remaining = this.remaining(); remaining > 0; remaining = this.remaining()) {
      await sleep(remaining, signal)
    }
    signal?.throwIfAborted()
  }
}
