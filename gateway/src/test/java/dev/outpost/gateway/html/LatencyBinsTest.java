package dev.outpost.gateway.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Histogram bins: the smallest round width that fits the maximum in fewer than 20 bins, lower edge inclusive. */
class LatencyBinsTest {
    @Test
    void smallLatenciesGetTenMillisecondBins() {
        LatencyBins bins = LatencyBins.of(List.of(0.0, 9.999, 10.0, 35.5, 35.6));
        assertEquals(10, bins.binMs());
        assertEquals(List.of(2, 1, 0, 2), bins.counts(), "[0,10) [10,20) [20,30) [30,40)");
        assertEquals(2, bins.highest());
        assertEquals(5, bins.total());
    }

    @Test
    void theWidthGrowsSoThatTheMaximumFitsInFewerThanTwentyBins() {
        assertEquals(10, LatencyBins.of(List.of(199.9)).binMs(), "199.9 / 10 = 19.99 bins: fewer than 20");
        assertEquals(20, LatencyBins.of(List.of(200.0)).binMs(), "200 / 10 = 20 bins is too many; 200 / 20 = 10");
        assertEquals(25, LatencyBins.of(List.of(400.0)).binMs(), "400 / 20 = 20 bins is too many; 400 / 25 = 16");
        LatencyBins seconds = LatencyBins.of(List.of(2_500.0, 13_200.0));
        assertEquals(1_000, seconds.binMs());
        assertEquals(14, seconds.size(), "0 to 14 s");
        assertEquals(1, seconds.counts().get(2));
        assertEquals(1, seconds.counts().get(13));
    }

    @Test
    void latenciesBeyondTwentyMinuteBinsCountInTheLastBin() {
        LatencyBins bins = LatencyBins.of(List.of(1.0, 5_000_000.0));
        assertEquals(60_000, bins.binMs());
        assertEquals(LatencyBins.MAX_BINS, bins.size());
        assertEquals(1, bins.counts().get(LatencyBins.MAX_BINS - 1));
    }

    @Test
    void noLatenciesIsOneEmptyBin() {
        LatencyBins bins = LatencyBins.of(List.of());
        assertEquals(List.of(0), bins.counts());
        assertEquals(1, bins.highest(), "never zero: bar heights are divided by it");
    }
}
