/**
 * The demo accounts people sign in as. They derive from the organisations the demo seed
 * created (DEMO_ORGANISATIONS_FILE), read again at every sign-in so the seed may write the
 * file after the provider started. Without the file, the auditor and the admins remain.
 */
import { readFileSync } from 'node:fs';

/** Accounts that exist whatever the seed did. */
const PLATFORM_ACCOUNTS = [
  { sub: 'auditor', role: 'auditor', org: null, name: 'Demo auditor' },
  { sub: 'admin-1', role: 'admin', org: null, name: 'Demo administrator 1' },
  // A second administrator approves the overrides one administrator may not make alone.
  { sub: 'admin-2', role: 'admin', org: null, name: 'Demo administrator 2' },
];

export const ROLE_HEADINGS = {
  prosecutor: 'Prosecutors',
  partner_admin: 'Partner administrators',
  mediator: 'Mediators',
  auditor: 'Auditors',
  admin: 'Administrators',
};

function readOrganisations(file) {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}

const arrayOf = (value) => (Array.isArray(value) ? value.filter((item) => item && typeof item === 'object') : []);
const text = (value, fallback) => (typeof value === 'string' && value.trim() ? value.trim() : fallback);

/** Every account, in the order the sign-in page lists them. */
export function demoAccounts(file) {
  const { offices, partners, mediators } = readOrganisations(file);
  const accounts = [];
  arrayOf(offices).forEach((office, index) => {
    if (typeof office.id !== 'string') return;
    const officeName = text(office.name, `Office ${index + 1}`);
    accounts.push({
      sub: `prosecutor-${index + 1}`,
      role: 'prosecutor',
      org: office.id,
      name: `Prosecutor, ${officeName}`,
      detail: office.jurisdiction ? `${officeName} (${office.jurisdiction})` : officeName,
    });
  });
  arrayOf(partners).forEach((partner, index) => {
    if (typeof partner.id !== 'string') return;
    const partnerName = text(partner.name, `Partner ${index + 1}`);
    accounts.push({
      sub: `partner-admin-${index + 1}`,
      role: 'partner_admin',
      org: partner.id,
      name: `Administrator, ${partnerName}`,
      detail: partnerName,
    });
  });
  const partnerNames = new Map(arrayOf(partners).map((partner) => [partner.id, text(partner.name, 'a partner')]));
  for (const mediator of arrayOf(mediators)) {
    if (typeof mediator.sub !== 'string' || typeof mediator.partnerId !== 'string') continue;
    accounts.push({
      sub: mediator.sub,
      role: 'mediator',
      org: mediator.partnerId,
      name: text(mediator.name, mediator.sub),
      detail: partnerNames.get(mediator.partnerId) ?? 'a partner',
    });
  }
  return [...accounts, ...PLATFORM_ACCOUNTS];
}

export function findDemoAccount(file, sub) {
  return demoAccounts(file).find((account) => account.sub === sub);
}

/** The claims a person's tokens carry: `org` only when the account has one. */
export function claimsOf(account) {
  return { role: account.role, name: account.name, ...(account.org ? { org: account.org } : {}) };
}
