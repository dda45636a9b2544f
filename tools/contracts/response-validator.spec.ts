import { createResponseValidator } from './response-validator';

/** One operation whose answer holds an int32 and an int64, as Swagger writes a number's format. */
const document = {
  paths: {
    '/api/things/{id}': {
      get: {
        responses: {
          '200': {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['version', 'sequence'],
                  properties: {
                    version: { type: 'integer', format: 'int32' },
                    sequence: { type: 'integer', format: 'int64' },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

const answer = (body: unknown) => ({
  method: 'GET',
  path: '/api/things/1',
  status: 200,
  contentType: 'application/json',
  body,
});

describe("the front door's check of an answer against OpenAPI's integer formats", () => {
  it('passes integers within int32 and within what a JSON number holds exactly for int64', () => {
    const validate = createResponseValidator(document);
    expect(validate(answer({ version: 2 ** 31 - 1, sequence: Number.MAX_SAFE_INTEGER }))).toEqual([]);
  });

  it('refuses an int32 beyond 32 bits and an int64 beyond 2^53', () => {
    const validate = createResponseValidator(document);
    expect(validate(answer({ version: 2 ** 31, sequence: 1 })).join('\n')).toMatch(/version.*int32/);
    expect(validate(answer({ version: 1, sequence: 2 ** 53 })).join('\n')).toMatch(/sequence.*int64/);
  });

  it('knows both formats: compiling the schema warns of none ignored', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      createResponseValidator(document)(answer({ version: 1, sequence: 1 }));
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
