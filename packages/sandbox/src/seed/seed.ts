import type { Store } from '../storage/store.js'
import { generateDemoData } from './demo-data.js'

/** Writes the demo data for `seed` into the store, in one transaction. */
export function writeDemoData(store: Store, seed: number): void {
  const data = generateDemoData(seed)
  store.transaction(() => {
    for (const person of data.people) store.people.insert(person)
    for (const deal of data.deals) store.deals.insert(deal)
    for (const activity of data.activities) store.activities.insert(activity)
  })
}
