// Adds package-lock entries for optional platform packages (another OS's Pagefind or Astro compiler binary)
// that the registry mirror our machines use does not serve. `npm install` tolerates their absence, but
// `npm ci` then rejects the lock as out of sync (npm/cli#9846). Each stub carries the package's os/cpu, so
// npm skips it on every machine but its own platform, where the real registry serves it.
// Run after any change to dependencies: `node scripts/lock-optional-stubs.mjs` (tests/unit/lockfile.test.ts checks).
import fs from 'node:fs';
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const pk = lock.packages;
const platform = (name) => {
  const n = name.split('/').pop();
  const os = /darwin/.test(n) ? 'darwin' : /win32|windows/.test(n) ? 'win32' : /freebsd/.test(n) ? 'freebsd' : /android/.test(n) ? 'android' : /linux/.test(n) ? 'linux' : /wasm32|wasi/.test(n) ? null : null;
  const cpu = /arm64/.test(n) ? 'arm64' : /x64/.test(n) ? 'x64' : /wasm32/.test(n) ? 'wasm32' : null;
  return { os, cpu };
};
let added = 0;
for (const [path, meta] of Object.entries(pk)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (pk[key] || pk[`${path}/node_modules/${dep}`]) continue;
    const { os, cpu } = platform(dep);
    pk[key] = { version, optional: true, ...(cpu ? { cpu: [cpu] } : {}), ...(os ? { os: [os] } : {}) };
    added++;
    console.log('stub', key, version);
  }
}
lock.packages = Object.fromEntries(Object.entries(pk).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log('added', added);
