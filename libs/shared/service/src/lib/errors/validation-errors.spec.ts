import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, ValidateNested } from 'class-validator';
import { ValidationProblem } from './problem.exception';
import {
  MAX_PATH_PARAMETER_LENGTH,
  createValidationPipe,
  flattenValidationErrors,
  precheckBodiesOf,
} from './validation-errors';

class Contact {
  @IsOptional() @IsEmail() email?: string;
}
class Guardian {
  @IsString() @IsNotEmpty() fullName: string;
  @ValidateNested() @Type(() => Contact) contact: Contact;
}
class Party {
  @IsIn(['harmed', 'responsible']) role: string;
  @IsString() @IsNotEmpty() fullName: string;
  @IsBoolean() minor: boolean;
  @IsOptional() @ValidateNested() @Type(() => Guardian) guardian?: Guardian;
}
class Referral {
  @IsString() caseNumber: string;
  @ValidateNested({ each: true }) @Type(() => Party) parties: Party[];
}

async function problemFor(body: unknown): Promise<ValidationProblem> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: Referral });
  } catch (error) {
    if (error instanceof ValidationProblem) return error;
    throw error;
  }
  throw new Error('expected the body to be refused');
}

const party = { role: 'harmed', fullName: 'A', minor: false };

describe('validation error flattening', () => {
  it('names a field inside an array element with its index', async () => {
    const problem = await problemFor({ caseNumber: 'C-1', parties: [party, { ...party, fullName: '' }] });
    expect(problem.errors).toEqual([{ field: 'parties[1].fullName', message: 'should not be empty' }]);
  });

  it('follows nested objects below array elements', async () => {
    const problem = await problemFor({
      caseNumber: 'C-1',
      parties: [{ ...party, minor: true, guardian: { fullName: 'G', contact: { email: 'nope' } } }],
    });
    expect(problem.errors).toEqual([{ field: 'parties[0].guardian.contact.email', message: 'must be an email' }]);
  });

  it('reports an unknown field, nested or not, as not known', async () => {
    const problem = await problemFor({ caseNumber: 'C-1', parties: [{ ...party, shoeSize: 42 }], extra: true });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'extra', message: 'is not a known field' },
        { field: 'parties[0].shoeSize', message: 'is not a known field' },
      ]),
    );
  });

  it('reports every constraint a field breaks and answers 400 problem+json', async () => {
    const problem = await problemFor({ caseNumber: 7, parties: [{ ...party, role: 'witness', minor: 'yes' }] });
    expect(problem.getStatus()).toBe(400);
    expect(problem.problem).toMatchObject({
      type: 'urn:rj:problem:validation',
      status: 400,
      detail: 'The request has 3 invalid fields.',
    });
    expect(problem.errors.map((e) => e.field)).toEqual(['caseNumber', 'parties[0].role', 'parties[0].minor']);
  });

  it('keeps numeric property names of plain objects as properties', () => {
    const errors = flattenValidationErrors([
      {
        property: 'scores',
        value: { 2024: 'x' },
        children: [{ property: '2024', value: 'x', constraints: { isInt: '2024 must be an integer' }, children: [] }],
      },
    ]);
    expect(errors).toEqual([{ field: 'scores.2024', message: 'must be an integer' }]);
  });

  it('refuses a path parameter longer than the platform allows, naming it, and lets one at the bound through', async () => {
    const pipe = createValidationPipe();
    const id = { type: 'param', data: 'id', metatype: String } as const;
    await expect(pipe.transform('x'.repeat(MAX_PATH_PARAMETER_LENGTH), id)).resolves.toHaveLength(
      MAX_PATH_PARAMETER_LENGTH,
    );
    await expect(pipe.transform('x'.repeat(MAX_PATH_PARAMETER_LENGTH + 1), id)).rejects.toMatchObject({
      errors: [{ field: 'id', message: `must be at most ${MAX_PATH_PARAMETER_LENGTH} characters` }],
    });
  });
});

describe('a precompiled body check (issue 15)', () => {
  class Named {
    @IsString() @IsNotEmpty() name: string;
  }
  const prechecked = Object.assign(new Named(), { name: 'from the precheck' });
  precheckBodiesOf(Named, (value) =>
    typeof (value as Named).name === 'string' && (value as Named).name ? prechecked : undefined,
  );
  const pipe = createValidationPipe();

  it("answers with the precheck's DTO when it passes the body", async () => {
    expect(await pipe.transform({ name: 'Anna' }, { type: 'body', metatype: Named })).toBe(prechecked);
  });

  it('leaves the refusal, and its field errors, to class-validator when it is in doubt', async () => {
    const refusal = await pipe.transform({ name: '', extra: 1 }, { type: 'body', metatype: Named }).catch((e) => e);
    expect(refusal).toBeInstanceOf(ValidationProblem);
    expect(refusal.getResponse()).toMatchObject({
      errors: expect.arrayContaining([
        { field: 'name', message: 'should not be empty' },
        { field: 'extra', message: 'is not a known field' },
      ]),
    });
  });

  it('is for bodies only: a query of the same type goes through class-validator', async () => {
    const query = await pipe.transform({ name: 'Anna' }, { type: 'query', metatype: Named });
    expect(query).not.toBe(prechecked);
    expect(query).toEqual({ name: 'Anna' });
  });
});
