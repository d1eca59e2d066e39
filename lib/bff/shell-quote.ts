/**
 * Quotes a value for POSIX shells: inside single quotes nothing is special except the quote itself,
 * which is closed, escaped and reopened. NUL cannot exist in a shell string and is dropped.
 */
export function shellQuote(value: string): string {
  return `'${value.replace(/\0/g, '').replace(/'/g, `'\\''`)}'`;
}
