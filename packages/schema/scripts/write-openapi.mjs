// Writes openapi.json, the OpenAPI document the package ships, from the freshly built dist.
// Runs after `tsc` in `build`; a test fails when the checked-in file drifts from the schemas.
import { writeFileSync } from 'node:fs'
import { buildOpenApiDocument } from '../dist/index.js'

const target = new URL('../openapi.json', import.meta.url)
writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`)
