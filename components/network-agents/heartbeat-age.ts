/** A heartbeat's age in the largest unit that keeps it readable: "12 s", "6 min", "3 h", "2 d". */
export function heartbeatAge(seconds: number): { unit: 's' | 'min' | 'h' | 'd'; value: number } {
  if (seconds < 60) return { unit: 's', value: seconds };
  if (seconds < 3600) return { unit: 'min', value: Math.floor(seconds / 60) };
  if (seconds < 86_400) return { unit: 'h', value: Math.floor(seconds / 3600) };
  return { unit: 'd', value: Math.floor(seconds / 86_400) };
}
