import { CreateWorkspacesAndApiKeys1763884800000 } from './1763884800000-CreateWorkspacesAndApiKeys.js';

/** Every migration, oldest first. A new migration is added here as well as in this folder. */
export const MIGRATIONS = [CreateWorkspacesAndApiKeys1763884800000];
