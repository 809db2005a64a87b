import { createMockState, MAX_SESSIONS } from '../../src/sessions/mock-state';
import { compileScenarios } from '../../src/scenarios/compile-scenarios';

const context = { examples: new Map<string, unknown>() };

function scenariosWith(code: string) {
  return compileScenarios(
    { scenarios: [{ name: 'a', outcome: { code } }] },
    'test',
    context,
  );
}

describe('createMockState', () => {
  it('creates the default session on first use', () => {
    const state = createMockState({ context });

    expect(state.getSession().id).toBe('default');
    expect(state.getSession()).toBe(state.getSession('default'));
  });

  it('drops the least recently used session beyond the maximum', () => {
    const state = createMockState({ context });
    const first = state.getSession('s-0');
    const kept = state.getSession('s-1');
    for (let i = 2; i <= MAX_SESSIONS; i += 1) state.getSession(`s-${i}`);
    state.getSession('s-1');
    state.getSession('s-new');

    expect(state.getSession('s-1')).toBe(kept);
    expect(state.getSession('s-0')).not.toBe(first);
  });

  it('follows a reloaded scenario file', () => {
    const state = createMockState({
      context,
      scenarios: scenariosWith('7001'),
    });
    const session = state.getSession();

    state.setFileScenarios(scenariosWith('7003'));

    expect(
      state.runtimeOf(session).scenarios.scenarios[0]?.steps[0]?.plan.response,
    ).toEqual({ kind: 'code', code: '7003' });
  });

  it('keeps session scenarios over a reload', () => {
    const state = createMockState({
      context,
      scenarios: scenariosWith('7001'),
    });
    const session = state.getSession('worker-1');
    const own = scenariosWith('1000');
    state.setSessionScenarios(session, own);

    state.setFileScenarios(scenariosWith('7003'));

    expect(state.runtimeOf(session).scenarios).toBe(own);
  });
});
