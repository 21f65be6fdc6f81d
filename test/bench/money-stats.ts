/** Shared helpers of the money-*.bench.ts files. */
export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
export const round = (v: number, digits = 3): number => +v.toFixed(digits);
