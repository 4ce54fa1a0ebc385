/** This package's version, sent in the `User-Agent` header (kept equal to package.json by a unit test). */
export const VERSION = "0.2.0";
