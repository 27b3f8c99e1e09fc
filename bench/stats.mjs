// The one definition of the figures the benchmarks report.

/** The `p`-quantile of `xs` (0 ≤ p ≤ 1) by nearest rank; `xs` is not modified. */
export function quantile(xs, p) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * p))];
}

/** The median of `xs` (for an odd count, the middle value). */
export const median = (xs) => quantile(xs, 0.5);
