import { isIP } from 'node:net'
import { hostname } from 'node:os'
import { apiError } from './errors.js'

/**
 * The names a listening sandbox answers to in the `Host` header. A web page on another site can make the browser
 * send requests to the sandbox by pointing its own DNS name at 127.0.0.1 (DNS rebinding), but the browser still
 * sends that site's name as `Host`: answering only to the sandbox's own names stops it. The port is not checked:
 * it says nothing about who is asking, and differs behind a port mapping.
 */
export class HostCheck {
  readonly #names: ReadonlySet<string>
  readonly #anyAddress: boolean

  /** `names` lower-case, IPv6 addresses in brackets; `anyAddress` also accepts every IP literal. */
  constructor(names: Iterable<string>, anyAddress: boolean) {
    this.#names = new Set(names)
    this.#anyAddress = anyAddress
  }

  /** The check for a server bound to `host` (as given) at `address` (as bound), plus `extra` names. */
  static forBinding(host: string, address: string, extra: readonly string[] = []): HostCheck {
    const names = new Set([normalize(host), normalize(address), ...extra.map(normalize)])
    const wildcard = address === '0.0.0.0' || address === '::'
    if (wildcard || isLoopback(address) || normalize(host) === 'localhost') {
      for (const name of ['localhost', '127.0.0.1', '[::1]']) names.add(name)
    }
    if (wildcard) names.add(normalize(hostname()))
    // A wildcard server is reached by whatever address the machine has (and a mapped one behind NAT); an IP literal
    // cannot be a rebinding attack, which needs a name.
    return new HostCheck(names, wildcard)
  }

  /** Throws a 400 naming the accepted names when `host` (the header's value) is not one of them. */
  check(host: string | undefined): void {
    if (host === undefined || host === '') {
      throw apiError('bad_request', 'The request has no Host header: send the name you reached the sandbox by')
    }
    const name = hostName(host)
    if (this.#names.has(name) || (this.#anyAddress && isIP(unbracket(name)) !== 0)) return
    const shown = host.length > 100 ? `${host.slice(0, 100)}…` : host
    throw apiError(
      'bad_request',
      `Host "${shown}" is not a name of this sandbox (it answers to ${[...this.#names].join(', ')}${this.#anyAddress ? ' and any IP address' : ''}): a page of another site may be trying to reach it through DNS rebinding`,
    )
  }
}

/** `127.0.0.0/8` and `::1` (also as an IPv4-mapped address). */
export function isLoopback(address: string): boolean {
  const plain = unbracket(address).toLowerCase()
  const v4 = plain.startsWith('::ffff:') ? plain.slice(7) : plain
  return (isIP(v4) === 4 && v4.startsWith('127.')) || plain === '::1'
}

/** An address without the brackets around it: `[::1]` → `::1`; only brackets around the whole of it count. */
const unbracket = (address: string): string => address.replace(/^\[(.*)\]$/, '$1')

/** Lower-case, one trailing dot dropped, IPv6 addresses in brackets (as they appear in `Host`). */
function normalize(name: string): string {
  const lower = name.toLowerCase().replace(/\.$/, '')
  return isIP(lower) === 6 ? `[${lower}]` : lower
}

/** The name part of a `Host` value: `[::1]:4010` → `[::1]`, `Localhost.:4010` → `localhost`. */
function hostName(host: string): string {
  const lower = host.trim().toLowerCase()
  // Up to the closing bracket; without one, the whole value.
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1) || lower
  const colon = lower.indexOf(':')
  return (colon === -1 ? lower : lower.slice(0, colon)).replace(/\.$/, '')
}
