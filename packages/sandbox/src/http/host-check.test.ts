import { hostname } from 'node:os'
import { describe, expect, it } from 'vitest'
import { ApiError } from './errors.js'
import { HostCheck, isLoopback } from './host-check.js'

/** The message of the 400 `check(host)` throws, or undefined when the name is accepted. */
function refusal(check: HostCheck, host: string | undefined): string | undefined {
  try {
    check.check(host)
    return undefined
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    expect(error.status).toBe(400)
    expect(error.code).toBe('bad_request')
    return error.message
  }
}

const accepts = (check: HostCheck, host: string) => refusal(check, host) === undefined

describe('isLoopback', () => {
  it('is 127.0.0.0/8 and ::1, also in brackets or as an IPv4-mapped address', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', '::ffff:127.0.0.1', '[::FFFF:127.9.9.9]']) {
      expect(isLoopback(address), address).toBe(true)
    }
  })

  it('is nothing else', () => {
    for (const address of [
      '0.0.0.0',
      '::',
      '10.0.0.1',
      '128.0.0.1',
      '::2',
      '::ffff:10.0.0.1',
      '127.example',
      'x127.0.0.1',
      // Brackets count only around the whole address.
      '[::]1',
      '::[1]',
      '[127.0.0.]1',
    ]) {
      expect(isLoopback(address), address).toBe(false)
    }
  })
})

describe('HostCheck.forBinding', () => {
  it('a loopback server answers to its loopback names, with any port or none, in any case, with a trailing dot', () => {
    const check = HostCheck.forBinding('127.0.0.1', '127.0.0.1')
    for (const host of ['127.0.0.1:4010', 'localhost', 'LocalHost.:80', '[::1]:4010', '[::1]', ' localhost ']) {
      expect(accepts(check, host), host).toBe(true)
    }
    for (const host of ['127.0.0.2', 'localhost.localdomain', hostname() === 'localhost' ? 'x' : hostname()]) {
      expect(accepts(check, host), host).toBe(false)
    }
  })

  it('a server bound to one address answers to it and to the name it was given', () => {
    const check = HostCheck.forBinding('Sandbox.Example.', '10.1.2.3')
    for (const host of ['sandbox.example', 'SANDBOX.EXAMPLE:4010', '10.1.2.3:4010']) {
      expect(accepts(check, host), host).toBe(true)
    }
    for (const host of ['localhost', '127.0.0.1', '[::1]', '10.1.2.4']) expect(accepts(check, host), host).toBe(false)
  })

  it('"localhost" means the loopback names, wherever it is bound', () => {
    const check = HostCheck.forBinding('localhost', '10.1.2.3')
    for (const host of ['localhost', '127.0.0.1', '[::1]', '10.1.2.3']) expect(accepts(check, host), host).toBe(true)
  })

  it('an IPv6 address is written in brackets, as Host gives it', () => {
    const check = HostCheck.forBinding('::1', '::1')
    expect(accepts(check, '[::1]:4010')).toBe(true)
    expect(accepts(check, '::1')).toBe(false)
    const other = HostCheck.forBinding('fd00::5', 'FD00::5')
    expect(accepts(other, '[fd00::5]')).toBe(true)
    expect(accepts(other, 'localhost')).toBe(false)
  })

  it('extra names are accepted too, normalized the same way', () => {
    const check = HostCheck.forBinding('127.0.0.1', '127.0.0.1', ['Sandbox.Test.', 'FD00::1'])
    for (const host of ['sandbox.test:4010', '[fd00::1]']) expect(accepts(check, host), host).toBe(true)
  })

  for (const wildcard of ['0.0.0.0', '::']) {
    it(`a wildcard server (${wildcard}) answers to any IP address, the loopback names and the machine's name`, () => {
      const check = HostCheck.forBinding(wildcard, wildcard)
      for (const host of ['192.168.1.20:4010', '[fe80::1]', '[fe80::1]:80', 'localhost', hostname().toUpperCase()]) {
        expect(accepts(check, host), host).toBe(true)
      }
      // Only a whole name in brackets is an IPv6 address: brackets at the end of a name make it no address.
      for (const host of ['evil.example', '192.168.1.20.nip.io', '[fe80::1', '192.168.1.20[]']) {
        expect(accepts(check, host), host).toBe(false)
      }
    })
  }
})

describe('HostCheck.check', () => {
  it('refuses a request without a Host, saying what to send', () => {
    const check = HostCheck.forBinding('127.0.0.1', '127.0.0.1')
    for (const host of [undefined, '']) {
      expect(refusal(check, host)).toBe('The request has no Host header: send the name you reached the sandbox by')
    }
  })

  it('names the refused Host, the names it answers to and why', () => {
    const check = new HostCheck(['localhost', 'sandbox.test'], false)
    expect(refusal(check, 'evil.example:4010')).toBe(
      'Host "evil.example:4010" is not a name of this sandbox (it answers to localhost, sandbox.test): ' +
        'a page of another site may be trying to reach it through DNS rebinding',
    )
    const wildcard = new HostCheck(['localhost'], true)
    expect(refusal(wildcard, 'evil.example')).toBe(
      'Host "evil.example" is not a name of this sandbox (it answers to localhost and any IP address): ' +
        'a page of another site may be trying to reach it through DNS rebinding',
    )
  })

  it('shows at most 100 characters of a long Host', () => {
    const check = new HostCheck(['localhost'], false)
    const long = `${'a'.repeat(100)}.example`
    expect(refusal(check, long)).toContain(`Host "${'a'.repeat(100)}…" is not`)
    expect(refusal(check, 'b'.repeat(100))).toContain(`Host "${'b'.repeat(100)}" is not`)
  })

  it('an IP literal passes only where any address is accepted', () => {
    expect(accepts(new HostCheck([], false), '10.0.0.1')).toBe(false)
    expect(accepts(new HostCheck([], true), '10.0.0.1')).toBe(true)
    expect(accepts(new HostCheck([], true), '[::1]')).toBe(true)
    expect(accepts(new HostCheck([], true), 'example')).toBe(false)
  })
})
