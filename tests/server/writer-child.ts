/**
 * A second process writing to the same store as the service, standing in for a crawl: it records
 * observations and crawl findings in small transactions in a loop until its stdin closes, then prints
 * how many it wrote. Used by the concurrent-flags test. Usage: node --import tsx writer-child.ts DB
 */
import '../../server/accounts-migration.ts';
import { openStore } from '../../shared/store/index.ts';

const store = openStore(process.argv[2]);
const runId = store.startRun({ kind: 'test-writer', pid: process.pid });
let written = 0;
let stop = false;
process.stdin.on('end', () => (stop = true));
process.stdin.resume();

function writeOne(i: number): void {
  store.transaction(() => {
    const listing = {
      marketplace: 'sendo' as const,
      externalId: `w${process.pid}-${i}`,
      url: `https://www.sendo.vn/nuoc-mam-${i}.html`,
      title: `Nước mắm Phú Quốc chai ${i}`,
      price: 30000 + i,
      currency: 'VND',
      sellerName: 'Crawl Shop',
      seenAt: new Date().toISOString(),
    };
    const { listingKey } = store.recordObservation(listing, { runId });
    store.addFinding({ listingKey, source: 'crawl', createdBy: 'crawler', runId, match: { hits: [], cues: [], signals: [], risk: 0.3, basis: [] } });
  });
}

while (!stop) {
  writeOne(written);
  written++;
  if (written === 1) process.stdout.write('ready\n');
  await new Promise((r) => setImmediate(r));
}
store.finishRun(runId, { status: 'ok', counts: { written }, errors: [] });
store.close();
process.stdout.write(`written ${written}\n`);
