package dev.outpost.config.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The registry CSV's columns, in the order the writer emits them. */
enum RegistryColumn {
    UNIT_ID, NAME, CLASS, STREET, LAT, LON, DMR_ID, ISSI, FLEETSYNC_ID, POC_USER, LIFECYCLE, STAFF;

    String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> headers() {
        return Arrays.stream(values()).map(RegistryColumn::header).toList();
    }
}
