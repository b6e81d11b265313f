// asl-validator 4 ships no types; this is the part of its API the tests use.
declare module 'asl-validator' {
  function validateAsl(definition: unknown): { isValid: boolean; errorsText: (separator?: string) => string };
  export = validateAsl;
}
