// What a web form does with the built @cc/schema: validate the values a person typed, and show one message per
// field that names the field and the rule.
import { ContactValues, contactField, fieldErrors } from '@cc/schema'

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

/** Returns `{ name: 'schema form', ok, detail }`; never throws. */
export function checkForm() {
  const name = 'schema form'
  try {
    const valid = { firstName: 'Ada', email: 'ada@example.com', state: 'TX', zipCode: '78701', tags: ['VIP'] }
    const accepted = ContactValues.safeParse(valid)
    assert(accepted.success, `a valid payload was rejected: ${JSON.stringify(accepted.error?.issues)}`)

    const invalid = { firstName: 'A'.repeat(101), email: 'ada-at-example', state: 'Texas', zipCode: '7870' }
    const rejected = ContactValues.safeParse(invalid)
    assert(!rejected.success, 'an invalid payload was accepted')
    const errors = fieldErrors(rejected.error)
    // The label comes from the schema's form metadata, the rule from the failed check.
    const rules = {
      firstName: 'at most 100 characters',
      email: 'valid email',
      state: 'at most 2',
      zipCode: 'like 90210',
    }
    for (const [field, rule] of Object.entries(rules)) {
      const message = errors[field] ?? ''
      const named = message.startsWith(`${contactField(field).label}: `) && message.includes(rule)
      assert(named, `${field}: expected its label and "${rule}", got ${JSON.stringify(errors[field])}`)
    }
    assert(Object.keys(errors).length === 4, `unexpected field errors: ${JSON.stringify(errors)}`)
    return { name, ok: true, detail: 'valid payload accepted; 4 field errors name field and rule' }
  } catch (error) {
    return { name, ok: false, detail: `${error?.name}: ${error?.message}` }
  }
}
