const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { EsbuildPlugin } = require('esbuild-loader');

/** The browser bundle: the standalone mode's task pane, served from dist/ by `relacje serve`. */
module.exports = (_env, argv) => {
  const production = argv.mode !== 'development';
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: { taskpane: './src/hosts/browser/index.tsx' },
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
      new HtmlWebpackPlugin({
        template: './src/hosts/browser/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
      }),
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
          vendors: { test: /[\\/]node_modules[\\/]/, name: 'vendors', priority: 10 },
        },
      },
    },
    performance: { hints: production ? 'warning' : false, maxAssetSize: 400_000, maxEntrypointSize: 250_000 },
  };
};
