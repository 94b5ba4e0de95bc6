/** Types of scripts/addin-files.js, for the tests. */
export declare const SOURCE_ORIGIN: string;
export declare function manifestForBaseUrl(xml: string, baseUrl: string): string;
export declare class AddinFilesPlugin {
  constructor(options: { baseUrl?: string });
}
