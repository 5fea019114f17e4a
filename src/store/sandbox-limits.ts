/** Scenario text and imported files larger than this are refused before they are parsed. */
export const SANDBOX_MAX_BYTES = 1_000_000;
/** Random scenarios: 1..1000 steps, as the scenario schema allows. */
export const SANDBOX_MAX_STEPS = 1000;
