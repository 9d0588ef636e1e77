// npm run catalogue: writes docs/checks.md from the registry (lib/posture/catalogue.test.ts fails when it is stale).
import { writeFileSync } from 'node:fs';
import { catalogueMarkdown } from '../lib/posture/catalogue';
import { ALL_CHECKS } from '../lib/posture/registry';

writeFileSync(new URL('../docs/checks.md', import.meta.url), catalogueMarkdown(ALL_CHECKS));
