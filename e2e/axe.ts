// axe as the specs run it: the serious and critical violations of the page as it stands.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  /** The first three elements it names. */
  nodes: string[];
}

export async function seriousViolations(page: Page): Promise<Violation[]> {
  // Only violations are read. axe still runs every rule on every element, but builds selectors and
  // markup for one passing element per rule instead of all of them: a third of its time on a big page.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}
