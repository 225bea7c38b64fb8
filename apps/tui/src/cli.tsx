#!/usr/bin/env node
import { render, Text } from 'ink'

render(<Text>Client Commander · the editor is being built</Text>)
