/**
 * Copies GHL's specs and the catalog from ../shared/ghl into src/ghl/openapi, so the repo works
 * on a clean clone with no sibling folder. Run after shared/ghl changes: `npm run sync-specs`.
 */
import { cpSync, existsSync } from 'node:fs';

const source = new URL('../../../../shared/ghl/', import.meta.url);
const target = new URL('./', import.meta.url);
if (!existsSync(source)) {
  console.error(`No specs at ${source.pathname}`);
  process.exit(1);
}
for (const entry of ['openapi/apps', 'openapi/common']) {
  cpSync(new URL(entry, source), new URL(entry.replace('openapi/', ''), target), { recursive: true });
}
for (const file of ['operations.json', 'LICENSE-openapi', 'SOURCE']) {
  cpSync(new URL(file, source), new URL(file, target));
}
console.log(`synced specs into ${target.pathname}`);
