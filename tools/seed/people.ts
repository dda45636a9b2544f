/**
 * Obviously fictional people for the demo referrals: names such as "Alex Example", addresses
 * at example.org (reserved for examples), and mobile numbers from the +44 7700 900xxx range
 * set aside for drama and documentation, so that no message can ever reach a real person.
 */
const FIRST_NAMES = [
  'Alex',
  'Jordan',
  'Casey',
  'Morgan',
  'Taylor',
  'Riley',
  'Jamie',
  'Quinn',
  'Drew',
  'Charlie',
  'Frankie',
  'Rowan',
];
const SURNAMES = ['Example', 'Sample', 'Placeholder', 'Fictitious', 'Madeup', 'Testcase', 'Specimen', 'Dummy'];

export interface FictionalPerson {
  fullName: string;
  email: string;
  phone: string;
}

/**
 * The `index`-th fictional person; distinct for the first 96 indexes (a first name repeats
 * every 12, and then always with another surname).
 */
export function fictionalPerson(index: number): FictionalPerson {
  const first = FIRST_NAMES[index % FIRST_NAMES.length];
  const last = SURNAMES[(index + Math.floor(index / FIRST_NAMES.length)) % SURNAMES.length];
  const round = Math.floor(index / (FIRST_NAMES.length * SURNAMES.length));
  const fullName = round === 0 ? `${first} ${last}` : `${first} ${last} ${round + 1}`;
  return {
    fullName,
    email: `${fullName.toLowerCase().replace(/\s+/g, '.')}@example.org`,
    phone: `+44 7700 900${String(100 + (index % 900)).padStart(3, '0')}`,
  };
}
