/** Why a file could not be read or written, in a few words a person understands, with the system's code. */
const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EEXIST: 'a file is in the way of its directory',
  EIO: 'an input/output error',
}

export function describeFileError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException
  if (code && reasons[code]) return `${reasons[code]}, ${code}`
  if (code) return code
  return error instanceof Error ? message : String(error)
}
