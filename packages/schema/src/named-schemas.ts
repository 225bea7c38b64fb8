import * as z from 'zod'

/**
 * The contract's named schemas: `id` is the name the OpenAPI document gives each one under
 * `components.schemas`, where every other schema that contains it refers to it by `$ref`.
 *
 * A registry of our own rather than `.meta({ id })` on zod's global registry: ids there are global to the
 * application, and ours are common words (`Person`, `User`, `Meta`). A user's schema with the same id would
 * silently replace ours in `z.toJSONSchema(z.globalRegistry)`, and converting a schema that holds both would
 * throw ("Duplicate schema id"). Here our names cannot meet theirs.
 */
export const namedSchemas = z.registry<{ id: string }>()
