import pkg from '../../package.json' with { type: 'json' };

/**
 * Tearline's version, read from package.json: the one place it is written (the CLI's
 * `--version`, the OpenAPI document). The path is the same from src/core and dist/core.
 */
export const TEARLINE_VERSION: string = pkg.version;
