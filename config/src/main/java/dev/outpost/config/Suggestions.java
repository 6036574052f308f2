package dev.outpost.config;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...?" support: the closest known word to a misspelt one, by edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidate closest to {@code word}, if it is close enough to be a plausible typo
     * (one edit, or up to a third of the word's length for longer words).
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = editDistance(word, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, word.length() / 3);
        return best != null && bestDistance <= allowed
                ? Optional.of(best) : Optional.empty();
    }

    /** {@code ", did you mean 'x'?"} to append to a message, or {@code ""} when nothing is close. */
    public static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(s -> ", did you mean '" + s + "'?").orElse("");
    }

    /**
     * Edit distance where inserting, deleting or substituting a character, or swapping two
     * adjacent ones, each cost one (optimal string alignment), since swaps are common typos.
     */
    public static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
