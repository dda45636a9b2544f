/**
 * Special-category data for equity monitoring (issue 20, Equity of access): ethnicity, gender and
 * disability, only as a person declares them about themselves, each optional and each with
 * "prefer not to say". Asked for one purpose only, equity monitoring; never inferred, never
 * shown back in the console, never used in matching, counted only in the aggregate equity
 * figures. What is never collected at all (immigration status, religion, sexual orientation,
 * health details, postcode, a victim's record) has no field here, so it cannot be recorded.
 */
export const SELF_DECLARATION_PURPOSE = 'equity_monitoring';
export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';
/** The value a person who declared nothing (or nothing for that attribute) counts under. */
export const NOT_DECLARED = 'not_declared';

export const SELF_DECLARED_ATTRIBUTES = ['ethnicity', 'gender', 'disability'] as const;
export type SelfDeclaredAttribute = (typeof SELF_DECLARED_ATTRIBUTES)[number];

export type SelfDeclaration = Partial<Record<SelfDeclaredAttribute, string>>;

export const GENDER_ANSWERS = ['woman', 'man', 'non_binary', 'another', PREFER_NOT_TO_SAY] as const;
export const DISABILITY_ANSWERS = ['yes', 'no', PREFER_NOT_TO_SAY] as const;
/**
 * Ethnicity categories differ by country (each census has its own), so an office's form offers
 * its jurisdiction's list; the platform takes any short code of one.
 */
export const ETHNICITY_CODE = /^[a-z][a-z0-9_]{0,39}$/;

/** Whether an answer is one a person may give for the attribute. */
export function isDeclarableAnswer(attribute: SelfDeclaredAttribute, answer: string): boolean {
  if (attribute === 'gender') return (GENDER_ANSWERS as readonly string[]).includes(answer);
  if (attribute === 'disability') return (DISABILITY_ANSWERS as readonly string[]).includes(answer);
  return ETHNICITY_CODE.test(answer) && answer !== NOT_DECLARED;
}

/** The row a person counts in for one attribute: their answer, or not declared. */
export function declaredValue(declaration: SelfDeclaration | null, attribute: SelfDeclaredAttribute): string {
  return declaration?.[attribute] ?? NOT_DECLARED;
}

/** Only the attributes a person answered, in a fixed order: what is stored, encrypted. */
export function normaliseSelfDeclaration(input: SelfDeclaration): SelfDeclaration {
  return Object.fromEntries(
    SELF_DECLARED_ATTRIBUTES.filter((attribute) => input[attribute] !== undefined).map((attribute) => [
      attribute,
      input[attribute],
    ]),
  );
}

/** Reads a stored declaration back; anything not a declaration reads as none. */
export function parseSelfDeclaration(json: string | null): SelfDeclaration | null {
  if (json === null) return null;
  const value = JSON.parse(json) as Record<string, unknown>;
  const declaration: SelfDeclaration = {};
  for (const attribute of SELF_DECLARED_ATTRIBUTES) {
    const answer = value[attribute];
    if (typeof answer === 'string' && isDeclarableAnswer(attribute, answer)) declaration[attribute] = answer;
  }
  return declaration;
}
