package dev.outpost.gateway.linkage;

import dev.outpost.config.registry.Unit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A static 3-d tree over units placed on the unit sphere. Straight-line (chord) distance between
 * two points on the sphere grows with their great-circle distance, so the chord nearest are the
 * great-circle nearest, with no projection and no special case at the antimeridian or the poles.
 *
 * <p>The tree only proposes candidates: every query keeps all units within {@link #CHORD_MARGIN}
 * of its chord bound, and the caller re-ranks them by haversine. The margin (about 6 mm on the
 * Earth) is many orders above the rounding of either formula, so the haversine ranking's first k
 * are always among the candidates, ties at the k-th distance included.
 */
final class SphereKdTree {
    /** Slack on every chord bound, on the unit sphere. */
    static final double CHORD_MARGIN = 1e-9;
    private static final int LEAF_SIZE = 8;

    private final Unit[] units;
    private final double[] coords;
    private final byte[] splitAxis;
    private final Map<String, Integer> indexById = new HashMap<>();

    SphereKdTree(List<Unit> positioned) {
        int n = positioned.size();
        double[] vectors = new double[3 * n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            Unit u = positioned.get(i);
            System.arraycopy(GreatCircle.unitVector(u.lat(), u.lon()), 0, vectors, 3 * i, 3);
            order[i] = i;
        }
        splitAxis = new byte[n];
        build(order, vectors, 0, n);
        units = new Unit[n];
        coords = new double[3 * n];
        for (int i = 0; i < n; i++) {
            units[i] = positioned.get(order[i]);
            System.arraycopy(vectors, 3 * order[i], coords, 3 * i, 3);
            indexById.put(units[i].unitId(), i);
        }
    }

    int size() {
        return units.length;
    }

    Unit unit(int index) {
        return units[index];
    }

    /** The tree index of a unit, or -1 when it is not in this tree. */
    int indexOf(String unitId) {
        return indexById.getOrDefault(unitId, -1);
    }

    /**
     * Every unit (but {@code excluded}) whose chord to {@code q} is within the k-th smallest chord
     * plus the margin; every unit but {@code excluded} when there are at most k of them.
     */
    int[] nearestCandidates(double[] q, int k, int excluded) {
        Search search = new Search(q, excluded, k, Double.POSITIVE_INFINITY);
        search.descend(0, units.length);
        return search.result();
    }

    /** Every unit (but {@code excluded}) whose chord to {@code q} is at most {@code chordBound}. */
    int[] within(double[] q, double chordBound, int excluded) {
        Search search = new Search(q, excluded, 0, chordBound * chordBound);
        search.descend(0, units.length);
        return search.result();
    }

    /** Squared chord between two points on the unit sphere. */
    static double chordSquared(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return dx * dx + dy * dy + dz * dz;
    }

    /** Median split on the axis of widest spread, recursively, so [lo, mid) <= mid <= (mid, hi). */
    private void build(int[] order, double[] vectors, int lo, int hi) {
        if (hi - lo <= LEAF_SIZE) {
            return;
        }
        int axis = widestAxis(order, vectors, lo, hi);
        int mid = (lo + hi) >>> 1;
        select(order, vectors, axis, lo, hi - 1, mid);
        splitAxis[mid] = (byte) axis;
        build(order, vectors, lo, mid);
        build(order, vectors, mid + 1, hi);
    }

    private static int widestAxis(int[] order, double[] vectors, int lo, int hi) {
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = lo; i < hi; i++) {
            for (int a = 0; a < 3; a++) {
                double v = vectors[3 * order[i] + a];
                min[a] = Math.min(min[a], v);
                max[a] = Math.max(max[a], v);
            }
        }
        int widest = 0;
        for (int a = 1; a < 3; a++) {
            if (max[a] - min[a] > max[widest] - min[widest]) {
                widest = a;
            }
        }
        return widest;
    }

    /** Hoare quickselect on order[left..right] (inclusive): puts the nth smallest at nth. */
    private static void select(int[] order, double[] vectors, int axis, int left, int right, int nth) {
        while (right > left) {
            double pivot = vectors[3 * order[(left + right) >>> 1] + axis];
            int i = left;
            int j = right;
            while (i <= j) {
                while (vectors[3 * order[i] + axis] < pivot) {
                    i++;
                }
                while (vectors[3 * order[j] + axis] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = order[i];
                    order[i++] = order[j];
                    order[j--] = t;
                }
            }
            if (nth <= j) {
                right = j;
            } else if (nth >= i) {
                left = i;
            } else {
                return; // order[j+1..i-1] all equal the pivot, and nth is among them
            }
        }
    }

    /** One query's state: the best k chords so far (a max-heap) and the candidates within bound. */
    private final class Search {
        private final double qx;
        private final double qy;
        private final double qz;
        private final int excluded;
        private final int k;
        private final double[] heap;
        private int heapSize;
        private double bound2;
        private int[] found = new int[32];
        private double[] foundChord2 = new double[32];
        private int foundCount;

        Search(double[] q, int excluded, int k, double bound2) {
            this.qx = q[0];
            this.qy = q[1];
            this.qz = q[2];
            this.excluded = excluded;
            this.k = k;
            this.heap = new double[k];
            this.bound2 = bound2;
        }

        void descend(int lo, int hi) {
            if (hi - lo <= LEAF_SIZE) {
                for (int i = lo; i < hi; i++) {
                    visit(i);
                }
                return;
            }
            int mid = (lo + hi) >>> 1;
            visit(mid);
            int axis = splitAxis[mid];
            double offset = (axis == 0 ? qx : axis == 1 ? qy : qz) - coords[3 * mid + axis];
            boolean leftFirst = offset < 0;
            descend(leftFirst ? lo : mid + 1, leftFirst ? mid : hi);
            // Every unit across the split plane is at least |offset| away in a straight line.
            if (offset * offset <= bound2) {
                descend(leftFirst ? mid + 1 : lo, leftFirst ? hi : mid);
            }
        }

        private void visit(int i) {
            if (i == excluded) {
                return;
            }
            double dx = coords[3 * i] - qx;
            double dy = coords[3 * i + 1] - qy;
            double dz = coords[3 * i + 2] - qz;
            double d2 = dx * dx + dy * dy + dz * dz;
            if (d2 <= bound2) {
                keep(i, d2);
            }
            if (k > 0 && (heapSize < k || d2 < heap[0])) {
                offer(d2);
                if (heapSize == k) {
                    double bound = Math.sqrt(heap[0]) + CHORD_MARGIN;
                    bound2 = bound * bound;
                }
            }
        }

        private void keep(int i, double d2) {
            if (foundCount == found.length) {
                found = Arrays.copyOf(found, foundCount * 2);
                foundChord2 = Arrays.copyOf(foundChord2, foundCount * 2);
            }
            found[foundCount] = i;
            foundChord2[foundCount++] = d2;
        }

        /** Adds to the max-heap of the k smallest chords, dropping the largest when full. */
        private void offer(double d2) {
            int at;
            if (heapSize < k) {
                at = heapSize++;
                while (at > 0 && heap[(at - 1) / 2] < d2) {
                    heap[at] = heap[(at - 1) / 2];
                    at = (at - 1) / 2;
                }
            } else {
                at = 0;
                while (true) {
                    int child = 2 * at + 1;
                    if (child >= k) {
                        break;
                    }
                    if (child + 1 < k && heap[child + 1] > heap[child]) {
                        child++;
                    }
                    if (heap[child] <= d2) {
                        break;
                    }
                    heap[at] = heap[child];
                    at = child;
                }
            }
            heap[at] = d2;
        }

        /** The candidates still within the final bound (early ones may have fallen out of it). */
        int[] result() {
            int kept = 0;
            for (int f = 0; f < foundCount; f++) {
                if (foundChord2[f] <= bound2) {
                    found[kept++] = found[f];
                }
            }
            return Arrays.copyOf(found, kept);
        }
    }
}
