export const goldenLinks = [] as const;
