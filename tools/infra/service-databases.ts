/** The services that own a database, and how to migrate it. Filled in as services land. */
export interface ServiceDatabase {
  name: string;
  databaseEnv: string;
  defaultDatabase: string;
  migrate(url: string): Promise<number>;
}

export const SERVICE_DATABASES: ServiceDatabase[] = [];
