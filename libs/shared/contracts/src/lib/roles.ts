/** Roles carried in the JWT `role` claim (api.md, Auth). `service` is for calls between services. */
export const ROLES = ['prosecutor', 'partner_admin', 'mediator', 'auditor', 'admin', 'service'] as const;
export type Role = (typeof ROLES)[number];

/** The one who caused an event: a person, or `system:<service>` for what a service does on its own. */
export interface Actor {
  sub: string;
  role: Role;
  org: string | null;
}

export function systemActor(service: string): Actor {
  return { sub: `system:${service}`, role: 'service', org: null };
}
