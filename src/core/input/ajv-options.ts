/** ajv options shared by the run-time compile and the build-time standalone compile. */
export const AJV_OPTIONS = { allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true } as const;
