// Module hooks for `npm run pipeline -- /any/dir/program.ts` (registered by pipeline.ts before it imports the
// program): a program outside this repository is still an ES module (no package.json of its own says so, and
// Node would otherwise load it as CommonJS, where top-level await fails), and its engine import — relative, as
// the exporter writes it ('../engine/index') — resolves to this repository's engine when nothing else does.
let engineUrl;
let programUrl;

export function initialize(data) {
  engineUrl = data.engineUrl;
  programUrl = data.programUrl;
}

const ENGINE_SPECIFIER = /(^|\/)engine(\/index(\.[cm]?[jt]s)?)?$/;

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (err) {
    if (ENGINE_SPECIFIER.test(specifier) && err?.code === 'ERR_MODULE_NOT_FOUND') return nextResolve(engineUrl, context);
    throw err;
  }
}

export async function load(url, context, nextLoad) {
  if (url === programUrl) return nextLoad(url, { ...context, format: 'module' });
  return nextLoad(url, context);
}
