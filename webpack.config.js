const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { EsbuildPlugin } = require('esbuild-loader');
const { AddinFilesPlugin } = require('./scripts/addin-files');

/** The browser bundle: the standalone mode's task pane, served from dist/ by `relacje serve`. */
module.exports = (_env, argv) => {
  const production = argv.mode !== 'development';
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/hosts/browser/index.tsx',
      // The Office add-in's panes (manifest.xml); only these pages load Office.js.
      excel: './src/hosts/excel/index.tsx',
      word: './src/hosts/word/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      // Hashed names: a browser (or Office's web view) never mixes chunks of two builds.
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.[jt]sx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: 'es2020', jsx: 'automatic' },
        },
      ],
    },
    plugins: [
      // One page template: the standalone pane runs without Office.js, the add-in's panes load it.
      new HtmlWebpackPlugin({
        template: './src/hosts/pane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        icon: 'data:,',
        loadsOfficeJs: false,
      }),
      ...['excel', 'word'].map(
        (host) =>
          new HtmlWebpackPlugin({
            template: './src/hosts/pane.html',
            filename: `${host}.html`,
            chunks: [host],
            icon: 'assets/icon-32.png',
            loadsOfficeJs: true,
          }),
      ),
      new HtmlWebpackPlugin({
        template: './src/hosts/office/support.html',
        filename: 'support.html',
        chunks: [],
      }),
      // manifest.xml and its icons; ADDIN_BASE_URL=https://… moves the manifest's addresses there.
      new AddinFilesPlugin({ baseUrl: process.env.ADDIN_BASE_URL }),
    ],
    optimization: {
      minimizer: [new EsbuildPlugin({ target: 'es2020' })],
      runtimeChunk: 'single',
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: 'react',
            priority: 20,
          },
          // Sign-in and the Graph client, where only a lazily opened store needs them (the Office
          // panes' shared workbook): fetched when that store is opened, not with every pane.
          graph: {
            test: /[\\/]node_modules[\\/](@azure[\\/]msal-|@microsoft[\\/]microsoft-graph-client)/,
            name: 'graph',
            chunks: 'async',
            priority: 15,
          },
          // Unnamed, so each set of chunks that shares libraries gets its own vendor chunk: a library
          // only a lazy view needs (ExcelJS for an .xlsx import) stays out of the first render.
          vendors: { test: /[\\/]node_modules[\\/]/, priority: 10, reuseExistingChunk: true },
        },
      },
    },
    performance: { hints: production ? 'warning' : false, maxAssetSize: 400_000, maxEntrypointSize: 250_000 },
  };
};
