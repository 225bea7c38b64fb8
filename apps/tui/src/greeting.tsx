import { Text } from 'ink'

export function Greeting({ name }: { name: string }) {
  return <Text>Hello, {name}</Text>
}
