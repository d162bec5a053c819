/** Whether what the agent typed names the target: exact, apart from spaces around it. */
export function confirmationMatches(typed: string, expected: string): boolean {
  return typed.trim() === expected.trim() && expected.trim() !== "";
}
