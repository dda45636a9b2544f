import { ValidationProblem } from './problem.exception';
import { rejectReservedKeys } from './reserved-keys.middleware';

function run(body: unknown): unknown {
  let passed: unknown = 'not called';
  rejectReservedKeys({ body }, undefined, (error) => (passed = error));
  return passed;
}

describe('rejectReservedKeys', () => {
  it('lets ordinary bodies through', () => {
    expect(run({ parties: [{ fullName: 'A', contact: { safeChannels: [] } }] })).toBeUndefined();
    expect(run(undefined)).toBeUndefined();
  });

  it('refuses keys the DTO layer would drop in silence, naming where they are', () => {
    const body = JSON.parse(
      '{"__proto__": {"isAdmin": true}, "parties": [{}, {"contact": {"toString": 1, "constructor": 2}}]}',
    );
    const problem = run(body) as ValidationProblem;
    expect(problem).toBeInstanceOf(ValidationProblem);
    expect(problem.errors).toEqual([
      { field: '__proto__', message: 'is not a known field' },
      { field: 'parties[1].contact.toString', message: 'is not a known field' },
      { field: 'parties[1].contact.constructor', message: 'is not a known field' },
    ]);
  });
});
