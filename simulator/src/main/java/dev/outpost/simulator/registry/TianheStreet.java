package dev.outpost.simulator.registry;

import java.util.List;

/**
 * One of Tianhe district's 21 subdistricts (街道), with an approximate centre and a relative size
 * used to spread units. Centres are rough public-map positions, good enough for "nearest units"
 * drills; weights make the dense western streets hold more units than the eastern edge.
 */
public record TianheStreet(String name, double lat, double lon, int weight) {

    /** All 21 streets, in a fixed order (the generator's determinism depends on it). */
    public static final List<TianheStreet> ALL = List.of(
            new TianheStreet("Shahe", 23.1505, 113.3240, 6),
            new TianheStreet("Wushan", 23.1600, 113.3500, 6),
            new TianheStreet("Yuancun", 23.1250, 113.3650, 6),
            new TianheStreet("Chebei", 23.1290, 113.3950, 5),
            new TianheStreet("Shipai", 23.1360, 113.3350, 7),
            new TianheStreet("Tianhe South", 23.1350, 113.3220, 6),
            new TianheStreet("Linhe", 23.1480, 113.3200, 5),
            new TianheStreet("Shadong", 23.1580, 113.3180, 4),
            new TianheStreet("Xinghua", 23.1720, 113.3400, 5),
            new TianheStreet("Tangxia", 23.1400, 113.3800, 7),
            new TianheStreet("Tianyuan", 23.1310, 113.3550, 5),
            new TianheStreet("Xiancun", 23.1220, 113.3350, 4),
            new TianheStreet("Liede", 23.1180, 113.3300, 4),
            new TianheStreet("Yuangang", 23.1750, 113.3600, 4),
            new TianheStreet("Huangcun", 23.1300, 113.4100, 4),
            new TianheStreet("Changxing", 23.1800, 113.3750, 4),
            new TianheStreet("Longdong", 23.2000, 113.3700, 5),
            new TianheStreet("Fenghuang", 23.1950, 113.4100, 3),
            new TianheStreet("Qianjin", 23.1250, 113.4300, 4),
            new TianheStreet("Zhuji", 23.1400, 113.4200, 3),
            new TianheStreet("Xintang", 23.1550, 113.4200, 4));
}
