// Runs the page smoke in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core: test tools'
// own browser downloads do not work on a closed network).
import { chromium } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// Without the background-networking flags Chromium keeps dialling Google's hosts, which a closed network
// refuses. playwright-core adds --headless, --no-sandbox and a fresh, empty --user-data-dir itself.
const FLAGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Opens the page at `pageUrl`, calls `window.ccSmoke(config)` and resolves with its checks. */
export async function runPage({ pageUrl, config, limitMs }) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, timeout: limitMs })
  const log = []
  try {
    const page = await browser.newPage()
    page.setDefaultTimeout(limitMs)
    page.on('console', (message) => log.push(`console.${message.type()}: ${message.text()}`))
    page.on('pageerror', (error) => log.push(`page error: ${error.message}`))
    await page.goto(pageUrl)
    await page.waitForFunction(() => typeof window.ccSmoke === 'function')
    // page.evaluate has no time limit of its own.
    let timer
    const limit = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the page did not finish within ${limitMs} ms`)), limitMs)
    })
    const smoke = page.evaluate((smokeConfig) => window.ccSmoke(smokeConfig), config)
    const checks = await Promise.race([smoke, limit]).finally(() => clearTimeout(timer))
    return { checks, version: browser.version() }
  } catch (error) {
    throw Object.assign(error, { output: log.join('\n') })
  } finally {
    await browser.close()
  }
}
