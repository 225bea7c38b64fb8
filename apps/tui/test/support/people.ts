import type { Person } from '@cc/schema'

/** Contact `n` as the API returns it: primary email, phone, a stage (Lead or Hot by parity), tags and dates. */
export const person = (n: number, over: Partial<Person> = {}): Person => ({
  id: `contact${String(n).padStart(4, '0')}`,
  firstName: `First${n}`,
  lastName: `Last${n}`,
  fullName: `First${n} Last${n}`,
  emails: [{ value: `p${n}@example.com`, isPrimary: true }],
  phones: [{ value: `+1555000${String(n).padStart(4, '0')}` }],
  stageId: n % 2 ? 'stage_lead' : 'stage_hot',
  stageName: n % 2 ? 'Lead' : 'Hot',
  tags: 'VIP, Buyer',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-02-03T04:05:06Z',
  ...over,
})
