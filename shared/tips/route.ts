/** Below this confidence a tip goes to the coordinators' `unrouted` queue rather than a country. */
export const ROUTING_THRESHOLD = 0.5;

export function routeFor(result: { country: string | null; confidence: number }): string {
  return result.country !== null && result.confidence >= ROUTING_THRESHOLD ? result.country : 'unrouted';
}
