/** Test fixture for closure.test.ts: module imports that are NOT engine shipped globals. */
export function helper(x: number): number { return x + 1; }
export const LIMIT = 10;
export default function defaultHelper(x: number): number { return x * 2; }
