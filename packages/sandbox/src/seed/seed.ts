import type { Store } from '../storage/store.js'
import { DEMO_CONTACTS, emitDemoData } from './demo-data.js'

/** The seed every sandbox uses unless told otherwise. */
export const DEFAULT_SEED = 1

/** Demo data to write: a seed (200 contacts), or a seed and how many contacts. */
export type DemoSeed = number | { value?: number | undefined; contacts?: number | undefined }

/**
 * Writes the demo data for `seed` into the store, in one transaction, each record as it is generated.
 * 100 000 contacts take a few seconds.
 */
export function writeDemoData(store: Store, seed: DemoSeed): void {
  const { value = DEFAULT_SEED, contacts = DEMO_CONTACTS } = typeof seed === 'number' ? { value: seed } : seed
  store.transaction(() =>
    emitDemoData(value, contacts, {
      person: (record) => store.people.add(record),
      deal: (record) => store.deals.insert(record),
      activity: (record) => store.activities.add(record),
    }),
  )
}
