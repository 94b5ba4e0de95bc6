/*
 * The Office add-in's static files in the build: the manifest and its icons go to dist/ beside the
 * panes. The source manifest names https://localhost:3000 (where Office's tooling expects a
 * developer's pane); ADDIN_BASE_URL=https://relacje.example.com rewrites every address to the
 * origin that really serves dist/ in production.
 */
const fs = require('node:fs');
const path = require('node:path');

const SOURCE_ORIGIN = 'https://localhost:3000';
const ROOT = path.join(__dirname, '..');

/**
 * The manifest with every address under `baseUrl` instead of the development origin.
 * `baseUrl` must be https (Office loads no add-in page over http) and may carry a path.
 * @param {string} xml
 * @param {string} baseUrl
 * @returns {string}
 */
function manifestForBaseUrl(xml, baseUrl) {
  let url;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(
      `ADDIN_BASE_URL ("${baseUrl}") is not an address; give one such as https://relacje.example.com`,
    );
  }
  if (url.protocol !== 'https:') {
    throw new Error(
      `ADDIN_BASE_URL ("${baseUrl}") must start with https://: Office loads add-in pages only over HTTPS`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(
      `ADDIN_BASE_URL ("${baseUrl}") must be an origin with an optional path, without a query, fragment or user`,
    );
  }
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return xml.split(`${SOURCE_ORIGIN}/`).join(`${base}/`);
}

/** Emits manifest.xml and assets/*.png into the build's output. */
class AddinFilesPlugin {
  /** @param {{ baseUrl?: string }} options */
  constructor(options) {
    this.baseUrl = options.baseUrl;
  }

  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('AddinFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'AddinFilesPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const manifestFile = path.join(ROOT, 'manifest.xml');
          const xml = fs.readFileSync(manifestFile, 'utf8');
          compilation.fileDependencies.add(manifestFile);
          compilation.emitAsset(
            'manifest.xml',
            new RawSource(this.baseUrl ? manifestForBaseUrl(xml, this.baseUrl) : xml),
          );
          const assets = path.join(ROOT, 'assets');
          for (const name of fs.readdirSync(assets).filter((file) => file.endsWith('.png'))) {
            compilation.emitAsset(`assets/${name}`, new RawSource(fs.readFileSync(path.join(assets, name))));
          }
        },
      );
    });
  }
}

module.exports = { AddinFilesPlugin, manifestForBaseUrl, SOURCE_ORIGIN };
