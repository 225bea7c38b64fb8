import { Text, useAnimation } from 'ink'

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']

/** A spinner with a label; the label alone says what is happening (the animation is decoration). */
export function Spinner({ label }: { label: string }) {
  const { frame } = useAnimation({ interval: 80 })
  return (
    <Text>
      {FRAMES[frame % FRAMES.length]} {label}
    </Text>
  )
}
