import { execFile } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

export const SPEC_FILE = join(ROOT, 'spec', 'openapi.yaml');

/** One finding of swagger-mock-validator, reduced to what tests compare. */
export interface SpecFinding {
  code: string;
  interaction: string;
  message: string;
}

export interface SpecValidation {
  success: boolean;
  errors: SpecFinding[];
  warnings: SpecFinding[];
}

// swagger-mock-validator ships ES modules only, so it runs in a child Node
// process instead of being transformed by jest.
// Its API enables a boolean option only for the string 'true': a boolean true
// is read as false, so the option is passed as the CLI would pass it.
const RUNNER = `
import { SwaggerMockValidatorFactory } from '@pactflow/swagger-mock-validator';
const [specPathOrUrl, mockPathOrUrl] = process.argv.slice(1);
const result = await SwaggerMockValidatorFactory.create().validate({
  specPathOrUrl, mockPathOrUrl, requiredPropertiesInResponse: 'true',
});
const reduce = (finding) => ({
  code: finding.code,
  interaction: finding.mockDetails?.interactionDescription ?? '',
  message: finding.message,
});
process.stdout.write(JSON.stringify({
  success: result.success,
  errors: result.errors.map(reduce),
  warnings: result.warnings.map(reduce),
}));
`;

/**
 * Checks a pact file against the spec with swagger-mock-validator, with
 * required response properties enforced (the CLI's `-R true`).
 *
 * @example
 * const { errors } = await validateAgainstSpec('contracts/app-profile-client-imiconnect-profile-api.json');
 */
export function validateAgainstSpec(pactFile: string, specFile = SPEC_FILE): Promise<SpecValidation> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', RUNNER, specFile, pactFile],
      { cwd: ROOT, env: { ...process.env, PACT_DO_NOT_TRACK: 'true' } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`swagger-mock-validator failed on ${pactFile}: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout) as SpecValidation);
      },
    );
  });
}
