/** Types of scripts/addin-files.js, for the tests. */
import type { Compiler } from 'webpack';

export declare const SOURCE_ORIGIN: string;
export declare function manifestForBaseUrl(xml: string, baseUrl: string): string;
export declare class AddinFilesPlugin {
  constructor(options: { baseUrl?: string });
  apply(compiler: Compiler): void;
}
