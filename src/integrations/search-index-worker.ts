/** The build's search-index worker thread (search-index.ts startSearchBuild): build it, send back the manifest. */
import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchInto } from './search-index.ts';

const { staging, entriesDir } = workerData as { staging: string; entriesDir: string };
try {
  parentPort!.postMessage({ manifest: await buildSearchInto(staging, entriesDir) });
} catch (err) {
  parentPort!.postMessage({ error: (err as Error).stack ?? String(err) });
}
