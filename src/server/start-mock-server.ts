import pino from 'pino';

import { createApp, createStateFor } from '../http/create-app';
import { loadFixtures, type FixtureStore } from '../fixtures/load-fixtures';
import { DEFAULT_SPEC_FILE, type MockOptions } from '../options';
import {
  compileScenarios,
  type CompiledScenarios,
} from '../scenarios/compile-scenarios';
import { loadScenarioFile } from '../scenarios/load-scenario-file';
import type { ScenarioDocument } from '../scenarios/scenario-document';
import { validateScenarioDocument } from '../scenarios/validate-document';
import {
  watchScenarioFile,
  type ScenarioWatcher,
} from '../scenarios/watch-scenario-file';
import { loadSpec, type CompiledSpec } from '../spec/load-spec';
import { listen } from './listen';
import {
  createSessionHelpers,
  toScenarioError,
  type SessionHelpers,
} from './session-helpers';

/** Options of startMockServer; every field has a default. */
export interface StartMockServerOptions extends Omit<
  MockOptions,
  'spec' | 'fixtures' | 'scenarios' | 'state'
> {
  /** A compiled spec or the path of an OpenAPI document. Default: the bundled spec. */
  spec?: CompiledSpec | string;
  /** A fixture store or the folder to load it from. Default: none. */
  fixtures?: FixtureStore | string;
  /** A scenario file path, or a scenario document. Default: none. */
  scenarios?: string | ScenarioDocument;
  /** Reload a scenario file when it changes. Default: false. */
  watch?: boolean;
  /** Default: 127.0.0.1. */
  host?: string;
  /** Default: 0, a free port. */
  port?: number;
}

/** A running mock with helpers for the default session. */
export interface MockServer extends SessionHelpers {
  /** Base URL, such as `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  spec: CompiledSpec;
  /** Helpers bound to another session; send its `headers` with each request. */
  session(id: string): SessionHelpers;
  /** Stops the server, ends open and hanging connections, and stops watching; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts a mock on a free port of 127.0.0.1 for tests, with helpers to set
 * scenarios, arm outcomes and read the journal without HTTP calls.
 *
 * @example
 * const mock = await startMockServer({ scenarios: 'fixtures/scenarios.example.yaml' });
 * mock.arm({ code: '7001' });
 * await fetch(`${mock.url}/resources/v2/customerappprofile/a_1?identifier=u`);
 * expect(mock.journal.list()[0]?.outcome.code).toBe('7001');
 * await mock.close();
 */
export async function startMockServer(
  options: StartMockServerOptions = {},
): Promise<MockServer> {
  const spec =
    typeof options.spec === 'object'
      ? options.spec
      : await loadSpec(options.spec ?? DEFAULT_SPEC_FILE);
  const fixtures =
    typeof options.fixtures === 'string'
      ? loadFixtures(options.fixtures, spec.validateSuccessBody)
      : options.fixtures;
  const mockOptions: MockOptions = {
    ...options,
    spec,
    fixtures,
    scenarios: loadScenarios(options.scenarios, spec),
  };
  const state = createStateFor(mockOptions);

  const running = await listen(createApp({ ...mockOptions, state }), {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
  });
  // Watching starts only once listening worked, so a failed start leaves no watcher behind.
  const watcher = startWatch(options, spec, state.setFileScenarios);
  let closing: Promise<void> | undefined;
  return {
    ...createSessionHelpers(state, undefined),
    url: running.url,
    port: running.port,
    spec,
    session: (id) => createSessionHelpers(state, id),
    close() {
      // A second call, such as a test's own close before afterEach, waits for the first.
      watcher?.close();
      closing ??= running.close();
      return closing;
    },
  };
}

function loadScenarios(
  source: string | ScenarioDocument | undefined,
  spec: CompiledSpec,
): CompiledScenarios | undefined {
  if (source === undefined) return undefined;
  if (typeof source === 'string')
    return loadScenarioFile(source, { examples: spec.examples });
  try {
    return compileScenarios(validateScenarioDocument(source), 'options', {
      examples: spec.examples,
    });
  } catch (error) {
    throw toScenarioError(error, 'scenarios option');
  }
}

function startWatch(
  options: StartMockServerOptions,
  spec: CompiledSpec,
  apply: (scenarios: CompiledScenarios) => void,
): ScenarioWatcher | undefined {
  const file = options.scenarios;
  if (!options.watch || typeof file !== 'string') return undefined;
  const load = () => loadScenarioFile(file, { examples: spec.examples });
  return watchScenarioFile(
    file,
    load,
    apply,
    options.logger ?? pino({ level: 'silent' }),
  );
}
