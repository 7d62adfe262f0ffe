import { explainImportFailure, IMPORT_EXIT_CODES, ImportRefused } from '../../../src/cli/import-failure';
import { ConfigError } from '../../../src/config/config';

const USAGE = 'Usage: npm run import -- FILE.csv --city <code>';

describe("what npm run import prints when it stops", () => {
  it("gives an operator's mistake one coded line, without a stack, and exit code 2", () => {
    expect(explainImportFailure(new ImportRefused('FILE_NOT_FOUND', "Cannot read 'a.csv': no such file"), USAGE)).toEqual({
      lines: ["FILE_NOT_FOUND: Cannot read 'a.csv': no such file"],
      exitCode: IMPORT_EXIT_CODES.refused,
    });
    expect(explainImportFailure(new ConfigError('AUTH_JWT_SECRET is required'), USAGE)).toEqual({ lines: ['CONFIG_ERROR: AUTH_JWT_SECRET is required'], exitCode: 2 });
  });

  it('gives a fault of the program its stack, and exit code 3', () => {
    const fault = new TypeError("Cannot read properties of undefined (reading 'state')");

    const { lines, exitCode } = explainImportFailure(fault, USAGE);

    expect(exitCode).toBe(IMPORT_EXIT_CODES.failed);
    expect(lines).toEqual([`FAILED: ${fault.message}`, fault.stack]);
    expect(lines[1]).toContain('import-failure.unit.spec.ts');
  });
});
