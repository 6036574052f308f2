package dev.outpost.simulator.registry;

/** Largest-remainder apportionment: split a total into integer parts proportional to weights. */
final class Apportion {
    private Apportion() {
    }

    /** Parts summing exactly to {@code total}; ties in remainder go to the earlier weight. */
    static int[] largestRemainder(int[] weights, int total) {
        long weightSum = 0;
        for (int w : weights) {
            weightSum += w;
        }
        int[] parts = new int[weights.length];
        long[] remainders = new long[weights.length];
        int assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            long scaled = (long) weights[i] * total;
            parts[i] = (int) (scaled / weightSum);
            remainders[i] = scaled % weightSum;
            assigned += parts[i];
        }
        for (int left = total - assigned; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = -1;
        }
        return parts;
    }
}
