/** Every migration, oldest first. Listed by hand so the compiled and the test builds agree. */
export const MIGRATIONS: Function[] = [];
